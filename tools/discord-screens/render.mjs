#!/usr/bin/env node
// Draws the scenes the bot's tests captured from the Discord emulation (JSON: what a user did, and the messages
// the bot really sent: content, embeds, components, modals, ephemeral flags) as Discord draws them, with the
// @skyra/discord-components-core web components in headless Chromium, one PNG per scene.
//
//   node render.mjs JSON_DIR PNG_DIR
//
// Chromium is found as CHROME_PATH, chromium, chromium-browser or google-chrome, and driven over the DevTools
// protocol on a pipe (no extra package). Nothing is fetched from the network: the page, the components and the
// avatars are served from this folder on 127.0.0.1.

import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sceneHtml } from './scene.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const WIDTH = 760;

function fail(message) {
	console.error(`discord-screens: ${message}`);
	process.exit(1);
}

const [jsonDir, pngDir] = process.argv.slice(2);
if (!jsonDir || !pngDir) fail('usage: node render.mjs JSON_DIR PNG_DIR');
const scenes = readdirSync(jsonDir).filter((f) => f.endsWith('.json')).sort();
if (scenes.length === 0) fail(`no scene files in ${jsonDir}`);
mkdirSync(pngDir, { recursive: true });

// ---- an import map for the components' ES modules, read from the packages' own "exports" ----
function target(entry) {
	if (typeof entry === 'string') return entry;
	if (entry && typeof entry === 'object') {
		for (const key of ['browser', 'import', 'default']) {
			if (key in entry) {
				const t = target(entry[key]);
				if (t) return t;
			}
		}
	}
	return null;
}

function importMap() {
	const imports = {};
	const packages = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', '@lit/context', '@skyra/discord-components-core'];
	for (const name of packages) {
		const pkg = JSON.parse(readFileSync(join(here, 'node_modules', name, 'package.json'), 'utf8'));
		for (const [key, value] of Object.entries(pkg.exports ?? { '.': pkg.module ?? pkg.main })) {
			const file = target(value);
			if (!file || !file.endsWith('.js')) continue;
			const spec = key === '.' ? name : `${name}/${key.replace(/^\.\//, '')}`;
			imports[spec] = `/node_modules/${name}/${file.replace(/^\.\//, '')}`;
		}
	}
	return { imports };
}

// ---- a static server for the pages and node_modules ----
const pages = new Map();
const types = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.html': 'text/html', '.json': 'application/json', '.css': 'text/css' };
const server = createServer((req, res) => {
	const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
	if (pages.has(path)) {
		res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
		res.end(pages.get(path));
		return;
	}
	const file = resolve(here, '.' + path);
	if (path.startsWith('/node_modules/') && file.startsWith(here + sep) && existsSync(file) && statSync(file).isFile()) {
		res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
		res.end(readFileSync(file));
		return;
	}
	res.writeHead(404);
	res.end();
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}`;

// ---- Chromium over the DevTools pipe ----
function findChrome() {
	if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
	for (const dir of (process.env.PATH ?? '').split(':')) {
		for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
			if (dir && existsSync(join(dir, name))) return join(dir, name);
		}
	}
	fail('no Chromium found (set CHROME_PATH, or apt-get install chromium)');
}

const profile = mkdtempSync(join(tmpdir(), 'discord-screens-'));
const chrome = spawn(findChrome(), [
	'--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
	'--disable-sync', '--no-first-run', '--no-default-browser-check', '--hide-scrollbars', '--mute-audio',
	`--user-data-dir=${profile}`, '--remote-debugging-pipe', 'about:blank'
], { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
let chromeLog = '';
chrome.stderr.on('data', (d) => { chromeLog = (chromeLog + d).slice(-4000); });
chrome.on('exit', (code) => { if (!finished) fail(`Chromium exited (${code}): ${chromeLog}`); });
let finished = false;

const toBrowser = chrome.stdio[3];
const fromBrowser = chrome.stdio[4];
let nextId = 1;
const waiting = new Map();
const events = [];
let buffer = Buffer.alloc(0);
fromBrowser.on('data', (chunk) => {
	buffer = Buffer.concat([buffer, chunk]);
	let end;
	while ((end = buffer.indexOf(0)) >= 0) {
		const message = JSON.parse(buffer.subarray(0, end).toString('utf8'));
		buffer = buffer.subarray(end + 1);
		if (message.id && waiting.has(message.id)) {
			const { ok, no, method } = waiting.get(message.id);
			waiting.delete(message.id);
			if (message.error) no(new Error(`${method}: ${message.error.message}`));
			else ok(message.result);
		} else if (message.method) {
			events.push(message);
		}
	}
});

function send(method, params = {}, sessionId) {
	const id = nextId++;
	const message = { id, method, params };
	if (sessionId) message.sessionId = sessionId;
	return new Promise((ok, no) => {
		const timer = setTimeout(() => no(new Error(`${method} timed out`)), 30_000);
		waiting.set(id, { ok: (r) => { clearTimeout(timer); ok(r); }, no: (e) => { clearTimeout(timer); no(e); }, method });
		toBrowser.write(JSON.stringify(message) + '\0');
	});
}

/** Waits (at most 30 s) for the protocol event {@code method} of {@code sessionId}. */
async function waitEvent(method, sessionId) {
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		const i = events.findIndex((e) => e.method === method && e.sessionId === sessionId);
		if (i >= 0) return events.splice(i, 1)[0];
		await new Promise((r) => setTimeout(r, 20));
	}
	throw new Error(`no ${method} within 30 s`);
}

async function evaluate(sessionId, expression) {
	const result = await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId);
	if (result.exceptionDetails) throw new Error(`page error: ${JSON.stringify(result.exceptionDetails).slice(0, 500)}`);
	return result.result.value;
}

const map = importMap();
let drawn = 0;
try {
	for (const file of scenes) {
		const scene = JSON.parse(readFileSync(join(jsonDir, file), 'utf8'));
		const name = file.replace(/\.json$/, '');
		pages.set(`/${name}.html`, sceneHtml(scene, map, WIDTH));
		const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
		const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
		await send('Page.enable', {}, sessionId);
		await send('Runtime.enable', {}, sessionId);
		await send('Emulation.setDeviceMetricsOverride', { width: WIDTH, height: 900, deviceScaleFactor: 1, mobile: false }, sessionId);
		await send('Page.navigate', { url: `${base}/${name}.html` }, sessionId);
		await waitEvent('Page.loadEventFired', sessionId);
		const box = await evaluate(sessionId, `new Promise((ok, no) => {
			const start = Date.now();
			const check = () => window.sceneReady ? window.sceneReady.then(ok, no)
				: Date.now() - start > 20000 ? no(new Error('the scene never became ready')) : setTimeout(check, 50);
			check();
		})`);
		const height = Math.max(60, Math.ceil(box.height));
		await send('Emulation.setDeviceMetricsOverride', { width: WIDTH, height: Math.max(height, 200), deviceScaleFactor: 1, mobile: false }, sessionId);
		if (box.modal) {
			// The viewport now fits the dialog; let it re-centre before the picture is taken.
			await evaluate(sessionId, 'new Promise((r) => setTimeout(r, 300))');
		}
		const shot = await send('Page.captureScreenshot', {
			format: 'png', captureBeyondViewport: true,
			clip: { x: 0, y: 0, width: WIDTH, height, scale: 1 }
		}, sessionId);
		writeFileSync(join(pngDir, `${name}.png`), Buffer.from(shot.data, 'base64'));
		await send('Target.closeTarget', { targetId });
		drawn++;
		console.log(`${name}.png ${WIDTH}x${height}`);
	}
} catch (e) {
	fail(`${e.message}\n${chromeLog}`);
} finally {
	finished = true;
	chrome.kill();
	server.close();
	try { rmSync(profile, { recursive: true, force: true }); } catch { /* Chromium may still hold a lock file */ }
}
console.log(`drew ${drawn} scenes into ${pngDir}`);
