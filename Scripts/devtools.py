"""The officer test's view of cdp.Page (Scripts/test-browser-officer): screenshots written to the
path given, and a wait that does not happen names the map page's own error banner."""
import base64
import cdp


class Page(cdp.Page):
    def __init__(self, profile, fail):
        super().__init__(profile, None, fail)

    def wait(self, expression, what, seconds=90):
        def page_errors():
            text = (self.js("(document.getElementById('errors') || {}).textContent || ''") or '').strip()
            return f'page errors: {text}' if text else ''
        super().wait(expression, what, seconds, page_errors)

    def screenshot(self, path):
        data = self.call('Page.captureScreenshot', format='png')['data']
        with open(path, 'wb') as f: f.write(base64.b64decode(data))
        print(f'screenshot: {path}')
