"""``mtcheck review``: a local page to accept or reject each proposed fix, then save or download.

    session.py   the file under review: read, checked as ``check`` checks it, the chosen fixes
                 applied as ``fix`` applies them (checker.apply_findings), written atomically
    server.py    the HTTP server on 127.0.0.1 (standard library only): the page and a JSON API
    page.html    the page itself, one file with its CSS and JS inline (package data)

Nothing here is imported on the lint path: the CLI imports it for ``review`` only.
"""
