"""Reading rendered pages in tests."""

from __future__ import annotations

import re

INLINE_TAGS = re.compile(r"</?(?:a|span|em|strong|abbr|time|code|label)\b[^>]*>")
TAGS = re.compile(r"<[^>]+>")


def _plain(html: str) -> str:
    return re.sub(r"\s+", " ", TAGS.sub(" ", INLINE_TAGS.sub("", html))).strip()


def text_of(response) -> str:
    """The page's main content as plain text with collapsed spaces, for reading assertions."""
    html = response.content.decode()
    main = html.split('<main id="main"', 1)[-1].split("</main>", 1)[0]
    return _plain(main)


def rows_of(response, table_class: str = "") -> list[str]:
    """Each table row of the main content as plain text."""
    html = response.content.decode()
    if table_class:
        html = html.split(f'class="{table_class}', 1)[-1].split("</table>", 1)[0]
    rows = re.findall(r"<tr>(.*?)</tr>", html, flags=re.S)
    return [_plain(row) for row in rows]
