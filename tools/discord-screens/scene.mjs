// Turns one captured scene into an HTML page of Discord message components. Only what the bot sent is shown,
// the way Discord shows it: message text and embed descriptions in Discord's markdown, embed titles and footers as
// plain text, buttons and menus from the components, the "Only you can see this" line for ephemeral messages,
// and a form as Discord's modal dialog.

const BOT = 'Liner Notes';
const COLOURS = ['#5865F2', '#57F287', '#EB459E', '#FEE75C', '#ED4245', '#3BA55C'];

const escape = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** A round avatar with an initial, as a data URI: nothing is fetched from Discord's CDN. */
function avatar(name, colour) {
	const letter = name === BOT ? '♪' : (name[0] ?? '?').toUpperCase();
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="80" height="80"><circle cx="40" cy="40" r="40" fill="${colour}"/>`
		+ `<text x="40" y="53" font-family="sans-serif" font-size="38" font-weight="bold" fill="#fff" text-anchor="middle">${escape(letter)}</text></svg>`;
	return 'data:image/svg+xml;base64,' + Buffer.from(svg).toString('base64');
}

function colourOf(name) {
	if (name === BOT) return '#5865F2';
	let h = 0;
	for (const c of name) h = (h * 31 + c.codePointAt(0)) >>> 0;
	return COLOURS[1 + (h % (COLOURS.length - 1))];
}

/** Discord's inline markdown: escapes, code, bold, underline, italics, strike-through. Links stay plain text. */
function inline(text) {
	const kept = [];
	const keep = (html) => `\u0000${kept.push(html) - 1}\u0000`;
	let s = String(text).replace(/`([^`]+)`/g, (_, code) => keep(`<code style="background:#2b2d31;border-radius:3px;padding:0 .2em;font-size:85%">${escape(code)}</code>`));
	s = s.replace(/\\([\\*_~`>|#\-\[\]()])/g, (_, c) => keep(escape(c)));
	s = escape(s);
	s = s.replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
		.replace(/__(.+?)__/g, '<u>$1</u>')
		.replace(/(^|[^\w*])\*(?!\s)(.+?)(?<!\s)\*(?!\*)/g, '$1<em>$2</em>')
		.replace(/(^|\W)_(?!\s)(.+?)(?<!\s)_(?=\W|$)/g, '$1<em>$2</em>')
		.replace(/~~(.+?)~~/g, '<s>$1</s>');
	return s.replace(/\u0000(\d+)\u0000/g, (_, i) => kept[Number(i)]);
}

/** Discord's block markdown: "> " quotes (one bar for a run of them), "-# " small text, "- " bullets. */
function markdown(text) {
	const out = [];
	let quote = [];
	const flush = () => {
		if (quote.length) out.push(`<discord-quote>${quote.join('<br>')}</discord-quote>`);
		quote = [];
	};
	for (const line of String(text ?? '').split('\n')) {
		const q = /^>\s?(.*)$/.exec(line);
		if (q && !line.startsWith('>>>')) {
			quote.push(inline(q[1]));
			continue;
		}
		flush();
		if (line.startsWith('-# ')) out.push(`<small style="color:#949ba4;font-size:12px">${inline(line.slice(3))}</small><br>`);
		else if (/^[-*] /.test(line)) out.push(`&nbsp;•&nbsp;${inline(line.slice(2))}<br>`);
		else out.push(`${inline(line)}<br>`);
	}
	flush();
	return out.join('').replace(/(<br>)+$/, '');
}

const hex = (n) => '#' + Number(n ?? 0x5865f2).toString(16).padStart(6, '0');
const STYLES = { 1: 'primary', 2: 'secondary', 3: 'success', 4: 'destructive', 5: 'secondary' };

function components(rows) {
	if (!rows?.length) return '';
	const html = rows.map((row) => {
		const parts = (row.components ?? []).map((c) => {
			if (c.type === 2) {
				return `<discord-button type="${STYLES[c.style] ?? 'secondary'}"${c.disabled ? ' disabled' : ''}>${escape(c.label ?? c.emoji?.name ?? '')}</discord-button>`;
			}
			if (c.type === 3) {
				const options = (c.options ?? []).map((o) => `<discord-string-select-menu-option label="${escape(o.label)}"${o.description ? ` description="${escape(o.description)}"` : ''}></discord-string-select-menu-option>`).join('');
				return `<discord-string-select-menu placeholder="${escape(c.placeholder ?? 'Make a selection')}">${options}</discord-string-select-menu>`;
			}
			return '';
		}).join('');
		return `<discord-action-row>${parts}</discord-action-row>`;
	}).join('');
	return `<discord-attachments slot="components">${html}</discord-attachments>`;
}

function embeds(list) {
	return (list ?? []).map((e) => {
		const title = e.title ? ` embed-title="${escape(e.title)}"` : '';
		const description = e.description ? `<discord-embed-description slot="description">${markdown(e.description)}</discord-embed-description>` : '';
		const footer = e.footer?.text ? `<discord-embed-footer slot="footer">${escape(e.footer.text)}</discord-embed-footer>` : '';
		return `<discord-embed slot="embeds" color="${hex(e.color)}"${title}>${description}${footer}</discord-embed>`;
	}).join('');
}

function snippet(event) {
	if (!event) return '';
	if (event.type === 'user') return event.content;
	const m = event.message ?? {};
	const text = m.content || m.embeds?.[0]?.title || m.embeds?.[0]?.description || '';
	return text.length > 90 ? text.slice(0, 90) + '…' : text;
}

function person(name) {
	return `author="${escape(name)}" avatar="${avatar(name, colourOf(name))}"`;
}

function commandText(event) {
	return '/' + event.command;
}

/** The HTML page for {@code scene}; it sets window.sceneReady to a promise of the area to capture. */
export function sceneHtml(scene, importMap, width) {
	const events = scene.events ?? [];
	const headed = new Set();
	const body = [];
	let modal = '';
	events.forEach((event, index) => {
		if (event.type === 'modal') {
			const m = event.modal ?? {};
			const inputs = (m.components ?? []).map((row) => {
				const input = row.component ?? row.components?.[0] ?? {};
				const label = row.label ?? input.label ?? input.custom_id;
				const type = input.style === 2 ? 'paragraph' : 'short';
				return `<discord-input-text type="${type}" label="${escape(label)}"${input.required === false ? '' : ' required'}`
					+ `${input.placeholder ? ` placeholder="${escape(input.placeholder)}"` : ''}`
					+ `${input.max_length ? ` max-length="${input.max_length}"` : ''}`
					+ `${input.value ? ` default-value="${escape(input.value)}"` : ''}></discord-input-text>`;
			}).join('');
			modal = `<discord-modal modal-title="${escape(m.title ?? '')}" ${person(BOT)}>${inputs}</discord-modal>`;
			const command = events.find((e) => e.type === 'command');
			if (command) {
				body.push(`<discord-message ${person(command.user)} timestamp="11/30/2026">${escape(commandText(command))}</discord-message>`);
			}
			return;
		}
		if (event.type === 'command' || event.type === 'button') return;
		if (event.type === 'user') {
			const target = events[event.replyTo];
			const reply = target ? `<discord-reply slot="reply" ${person(target.type === 'bot' ? BOT : target.user)}${target.type === 'bot' ? ' bot' : ''}>${escape(snippet(target))}</discord-reply>` : '';
			body.push(`<discord-message ${person(event.user)} timestamp="11/30/2026">${reply}${markdown(event.content)}</discord-message>`);
			return;
		}
		const m = event.message ?? {};
		const target = events[event.replyTo];
		let reply = '';
		if (target?.type === 'command' && !headed.has(event.replyTo)) {
			headed.add(event.replyTo);
			reply = `<discord-command slot="reply" ${person(target.user)} command="${escape(commandText(target))}"></discord-command>`;
		} else if (target?.type === 'button' && !headed.has(event.replyTo)) {
			// A reply to a button press shows, as in Discord, the message whose button was pressed.
			headed.add(event.replyTo);
			reply = `<discord-reply slot="reply" ${person(BOT)} bot>${escape(target.under)}</discord-reply>`;
		} else if (target?.type === 'user') {
			reply = `<discord-reply slot="reply" ${person(target.user)}>${escape(snippet(target))}</discord-reply>`;
		}
		body.push(`<discord-message ${person(BOT)} bot${event.ephemeral ? ' ephemeral' : ''} timestamp="11/30/2026">`
			+ `${reply}${markdown(m.content ?? '')}${embeds(m.embeds)}${components(m.components)}</discord-message>`);
	});
	return `<!doctype html>
<html><head><meta charset="utf-8">
<script type="importmap">${JSON.stringify(importMap)}</script>
<style>
  html, body { margin: 0; background: #313338; }
  body { width: ${width}px; font-family: "gg sans", "Noto Sans", "Helvetica Neue", Helvetica, Arial, sans-serif; }
  #scene { padding: 8px 0 12px; }
</style></head>
<body><div id="scene"><discord-messages>${body.join('\n')}</discord-messages>${modal}</div>
<script type="module">
  import '@skyra/discord-components-core';
  window.sceneReady = (async () => {
    const names = new Set([...document.querySelectorAll('*')].map((e) => e.localName).filter((n) => n.startsWith('discord-')));
    await Promise.all([...names].map((n) => customElements.whenDefined(n)));
    for (const el of document.querySelectorAll('*')) { if (el.updateComplete) await el.updateComplete; }
    await document.fonts.ready;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const modal = document.querySelector('discord-modal');
    if (modal) {
      const dialog = modal.shadowRoot.querySelector('dialog');
      // As the component's own button opens it.
      dialog.showModal();
      modal.shadowRoot.querySelector('div.discord-modal-box').style.display = 'flex';
      await new Promise((r) => setTimeout(r, 400));
      // The dialog sits in the top layer, centred in the viewport: measure its content, then the page is sized
      // to hold it with the conversation behind it.
      const parts = [...dialog.querySelectorAll('*')].map((e) => e.getBoundingClientRect()).filter((r) => r.height > 0);
      const top = Math.min(...parts.map((r) => r.top));
      const bottom = Math.max(...parts.map((r) => r.bottom));
      return { height: Math.ceil(bottom - top + 48), modal: true, top, bottom };
    }
    return { height: document.querySelector('#scene').getBoundingClientRect().bottom };
  })();
</script></body></html>`;
}
