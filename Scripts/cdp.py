"""Headless Chromium driven over the DevTools protocol with Python's standard library only: the
browser tests (Scripts/test-browser, Scripts/test-browser-upload, and through devtools.py
Scripts/test-browser-officer) share this."""
import base64, json, os, socket, struct, sys, time, urllib.parse, urllib.request


class WebSocket:
    """Just enough of RFC 6455 for the DevTools protocol: masked text frames out, frames in."""
    def __init__(self, url):
        u = urllib.parse.urlsplit(url)
        self.sock = socket.create_connection((u.hostname, u.port), timeout=60)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f'GET {u.path} HTTP/1.1\r\nHost: {u.hostname}:{u.port}\r\nUpgrade: websocket\r\n'
                           f'Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n').encode())
        self.buffer = b''
        while b'\r\n\r\n' not in self.buffer: self.buffer += self._recv()
        head, self.buffer = self.buffer.split(b'\r\n\r\n', 1)
        if b' 101 ' not in head.split(b'\r\n')[0] + b' ': raise OSError('no WebSocket upgrade: %r' % head[:80])
    def _recv(self):
        chunk = self.sock.recv(1 << 16)
        if not chunk: raise OSError('the browser closed the connection')
        return chunk
    def _read(self, n):
        while len(self.buffer) < n: self.buffer += self._recv()
        data, self.buffer = self.buffer[:n], self.buffer[n:]
        return data
    def send(self, text, opcode=0x1):
        data, mask = text.encode() if isinstance(text, str) else text, os.urandom(4)
        n = len(data)
        head = bytes([0x80 | opcode]) + (bytes([0x80 | n]) if n < 126 else
            bytes([0x80 | 126]) + struct.pack('>H', n) if n < 65536 else bytes([0x80 | 127]) + struct.pack('>Q', n))
        self.sock.sendall(head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))
    def receive(self):
        message = b''
        while True:
            b0, b1 = self._read(2)
            n = b1 & 0x7f
            if n == 126: n = struct.unpack('>H', self._read(2))[0]
            elif n == 127: n = struct.unpack('>Q', self._read(8))[0]
            mask = self._read(4) if b1 & 0x80 else None
            payload = self._read(n)
            if mask: payload = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
            opcode = b0 & 0x0f
            if opcode == 0x8: raise OSError('the browser closed the WebSocket')
            if opcode == 0x9: self.send(payload, 0xA); continue
            if opcode == 0xA: continue
            message += payload
            if b0 & 0x80: return message.decode()


class Page:
    """The first page target of a Chromium started with --remote-debugging-port=0 on `profile`.
    `fail(message)` is called (and must not return) when something does not happen."""
    def __init__(self, profile, out, fail):
        self.out, self.fail, self.ids = out, fail, 0
        for _ in range(150):
            try:
                port = int(open(os.path.join(profile, 'DevToolsActivePort')).read().split()[0]); break
            except (OSError, ValueError, IndexError):
                time.sleep(0.2)
        else:
            fail('Chromium did not open its DevTools port')
        targets = json.load(urllib.request.urlopen(f'http://127.0.0.1:{port}/json/list', timeout=10))
        page = next((t for t in targets if t.get('type') == 'page'), None) or fail('no page target in Chromium')
        self.ws = WebSocket(page['webSocketDebuggerUrl'])

    def call(self, method, **params):
        self.ids += 1
        self.ws.send(json.dumps({'id': self.ids, 'method': method, 'params': params}))
        while True:
            m = json.loads(self.ws.receive())
            if m.get('id') == self.ids:
                if 'error' in m: raise RuntimeError(f'{method}: {m["error"]}')
                return m.get('result', {})

    def js(self, expression):
        r = self.call('Runtime.evaluate', expression=expression, returnByValue=True, awaitPromise=True)
        if 'exceptionDetails' in r:
            d = r['exceptionDetails']
            raise RuntimeError(f'{expression[:60]}: {d.get("text")} {d.get("exception", {}).get("description", "")}')
        return r.get('result', {}).get('value')

    def wait(self, expression, what, seconds=90, explain=None):
        deadline = time.time() + seconds
        while time.time() < deadline:
            try:
                if self.js(expression): return
            except RuntimeError:  # the document is being replaced (a navigation): not yet
                pass
            time.sleep(0.1)
        detail = explain() if explain else ''
        self.fail(f'{what} did not happen within {seconds} s' + (f' ({detail})' if detail else ''))

    def navigate(self, url):
        self.call('Page.navigate', url=url)
        self.wait("document.readyState === 'complete' && location.href !== 'about:blank'", f'loading {url}')

    def screenshot(self, name):
        data = self.call('Page.captureScreenshot', format='png')['data']
        with open(f'{self.out}/{name}', 'wb') as f: f.write(base64.b64decode(data))
        print(f'screenshot: {self.out}/{name}')

    def set_files(self, selector, paths):
        """Chooses files in an <input type=file>, as the officer would in the file dialog."""
        found = self.call('Runtime.evaluate', expression=f'document.querySelector({json.dumps(selector)})')
        object_id = found.get('result', {}).get('objectId') or self.fail(f'no {selector} on the page')
        self.call('DOM.setFileInputFiles', files=paths, objectId=object_id)
        self.js(f"document.querySelector({json.dumps(selector)}).dispatchEvent(new Event('change'))")

    def click(self, x, y):
        """A real mouse click at page coordinates (pressed and released where it moved)."""
        for kind in ('mouseMoved', 'mousePressed', 'mouseReleased'):
            self.call('Input.dispatchMouseEvent', type=kind, x=x, y=y, button='left',
                      clickCount=0 if kind == 'mouseMoved' else 1)

    def type_text(self, text):
        self.call('Input.insertText', text=text)

    def key(self, key, code=None, keycode=0):
        for kind in ('keyDown', 'keyUp'):
            self.call('Input.dispatchKeyEvent', type=kind, key=key, code=code or key, windowsVirtualKeyCode=keycode)
