"""Build time: a Content-Security-Policy on every page, as a <meta> tag because
GitHub Pages cannot send headers. Only the site's own origin may serve scripts,
styles, images and data; the theme's few inline scripts are allowed by their
SHA-256 hash, computed here from the page itself; 'wasm-unsafe-eval' lets the
Python runtime compile its WebAssembly. No page allows string evaluation
('unsafe-eval'): the self-check starts PyScript without it (pyscript-without-eval.js).

`mkdocs serve` (with live reload) adds an inline script to each page as it
sends it, different for every request; the local server alone recomputes each
page's policy from the page as sent, so that script runs and nothing else is
allowed. `mkdocs build` never calls on_serve."""

import base64
import hashlib
import re

# Inline <script> elements the browser runs (not JSON data blocks such as Material's config).
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>(.*?)</script>", re.S)
POLICY_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')

POLICY = ("default-src 'self'; script-src {scripts}; style-src 'self'; "
          "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
          "object-src 'none'; base-uri 'self'; form-action 'none'; frame-src 'none'")


def policy_for(html_text):
    hashes = sorted({"'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
                     for body in INLINE_SCRIPT.findall(html_text)})
    return POLICY.format(scripts=" ".join(["'self'", "'wasm-unsafe-eval'"] + hashes))


def policy_meta(html_text):
    return '<meta http-equiv="Content-Security-Policy" content="' + policy_for(html_text) + '">'


def with_policy(html_text):
    if "<head>" not in html_text or POLICY_META.search(html_text):
        return html_text
    # First in <head>, so the policy covers everything that follows.
    return html_text.replace("<head>", "<head>" + policy_meta(html_text), 1)


def on_post_page(output, page, config):
    return with_policy(output)


def on_post_template(output, template_name, config):
    return with_policy(output) if template_name.endswith(".html") else output


def on_serve(server, config, builder):
    server.set_app(with_served_policy(server.get_app()))
    return server


def with_served_policy(app):
    """A WSGI app around mkdocs' own: every HTML page it sends gets the policy of
    the page as sent, live-reload script included."""
    def serve(environ, start_response):
        sent = {}

        def keep(status, headers, exc_info=None):
            sent.update(status=status, headers=headers)

        body = app(environ, keep)  # mkdocs' app has called keep() by the time it returns
        headers = sent["headers"]
        if not dict(headers).get("Content-Type", "").startswith("text/html"):
            start_response(sent["status"], headers)
            return body
        page = b"".join(body).decode("utf-8")
        # A function, so that the policy's text is not read as a replacement template.
        page = POLICY_META.sub(lambda _: policy_meta(page), page, count=1).encode("utf-8")
        headers = [(name, value) for name, value in headers if name.lower() != "content-length"]
        start_response(sent["status"], headers + [("Content-Length", str(len(page)))])
        return [page]
    return serve
