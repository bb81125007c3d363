"""The French translation: pages switch language, and the catalogue keeps its placeholders.

A French-speaking visitor either sends `Accept-Language: fr` or picks "français" in the footer's
language form; both must give French pages. The catalogue checks guard against the mistakes that
make a translated page crash or silently fall back to English: a dropped or invented
`%(name)s` placeholder, a fuzzy entry, or a .mo file not recompiled after the .po changed.
"""

from __future__ import annotations

import ast
import gettext
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.utils.html import escape

pytestmark = pytest.mark.django_db

HOME_TITLE_FR = "La carte de la gouvernance de l'Internet"
NO_HOME_FR = "Sans instance"
COVERED_FR = "Couvert"
HOME_NOT_GLOBAL_FR = "Instance non mondiale"


def catalogue_dir() -> Path:
    return Path(settings.LOCALE_PATHS[0]) / "fr" / "LC_MESSAGES"


# --- a tiny .po reader ---------------------------------------------------------------------------

_KEYWORD = re.compile(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[(\d+)\])?)\s+(".*")\s*$')


def _unquote(literal: str) -> str:
    """A .po string literal uses C escapes, which a Python string literal reads the same way."""
    return ast.literal_eval(literal)


def po_entries(path: Path) -> list[dict]:
    """Each entry as {msgctxt, msgid, msgid_plural, msgstr: [...], flags, references}.

    Obsolete (`#~`) entries and the header (empty msgid) are left out."""
    entries: list[dict] = []
    entry: dict | None = None
    field: tuple[str, int] | None = None

    def start() -> dict:
        return {"msgctxt": None, "msgid": None, "msgid_plural": None, "msgstr": {},
                "flags": set(), "references": []}

    def finish() -> None:
        if entry is not None and entry["msgid"]:
            entry["msgstr"] = [entry["msgstr"][i] for i in sorted(entry["msgstr"])]
            entries.append(entry)

    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#~"):
            continue
        if line.startswith("#"):
            if entry is not None and entry["msgstr"]:
                finish()
                entry = None
            entry = entry or start()
            if line.startswith("#,"):
                entry["flags"].update(flag.strip() for flag in line[2:].split(","))
            elif line.startswith("#:"):
                entry["references"].extend(line[2:].split())
            continue
        match = _KEYWORD.match(line)
        if match:
            keyword, index, literal = match.groups()
            if keyword in ("msgctxt", "msgid") and entry is not None and entry["msgstr"]:
                finish()
                entry = None
            entry = entry or start()
            if keyword.startswith("msgstr"):
                field = ("msgstr", int(index or 0))
                entry["msgstr"][field[1]] = _unquote(literal)
            else:
                field = (keyword, 0)
                entry[keyword] = _unquote(literal)
            continue
        assert line.startswith('"'), f"unexpected line in {path.name}: {line!r}"
        assert entry is not None and field is not None
        if field[0] == "msgstr":
            entry["msgstr"][field[1]] += _unquote(line)
        else:
            entry[field[0]] += _unquote(line)
    finish()
    return entries


PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[-#0 +]*\d*(?:\.\d+)?[sdirf]")


def placeholders(text: str) -> list[str]:
    """The printf-style placeholders in `text`, sorted; `%%` is a literal per cent sign."""
    return sorted(PLACEHOLDER.findall(text.replace("%%", "")))


def test_the_tiny_po_reader_reads_plurals_escapes_and_flags(tmp_path):
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr "Language: fr\\n"\n\n'
        '#: a.html:1\n#, python-format\nmsgid "%(n)s \\"day\\""\nmsgid_plural "%(n)s days"\n'
        'msgstr[0] "%(n)s jour"\nmsgstr[1] ""\n"%(n)s jours"\n\n'
        '#, fuzzy\nmsgid "Open"\nmsgstr "Ouvert"\n\n#~ msgid "Gone"\n#~ msgstr "Parti"\n',
        encoding="utf-8")
    plural, fuzzy = po_entries(po)
    assert plural["msgid"] == '%(n)s "day"' and plural["msgid_plural"] == "%(n)s days"
    assert plural["msgstr"] == ["%(n)s jour", "%(n)s jours"]
    assert plural["references"] == ["a.html:1"] and "python-format" in plural["flags"]
    assert fuzzy["msgid"] == "Open" and "fuzzy" in fuzzy["flags"]


def test_placeholders_ignore_literal_per_cent_signs():
    assert placeholders("within %(bound)s with 95%% confidence") == ["%(bound)s"]
    assert placeholders("%(b)s and %(a)d") == ["%(a)d", "%(b)s"]
    assert placeholders("%s of %d") == ["%d", "%s"]


# --- pages -----------------------------------------------------------------------------------


@pytest.mark.parametrize("accept_language", ["fr", "fr-CA,fr;q=0.9,en;q=0.5"])
def test_home_page_is_french_when_the_browser_asks_for_french(small_map, client, accept_language):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr"' in page
    # {% translate %} leaves the apostrophe as it is; accept the escaped form as well.
    assert any(f"<h1>{title}</h1>" in page for title in (HOME_TITLE_FR, escape(HOME_TITLE_FR)))
    assert NO_HOME_FR in page and COVERED_FR in page
    # The plural of the lead sentence follows the five issues of the small map.
    assert "5 questions de politique publique de l" in page
    assert "The internet governance map" not in page and "No home" not in page


def test_choosing_french_in_the_footer_form_switches_the_following_pages(small_map, client):
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/issues/"})
    assert response.status_code == 302 and response["Location"] == "/issues/"

    page = client.get("/issues/").content.decode()
    assert '<html lang="fr"' in page
    assert "<h1>Questions</h1>" in page
    assert HOME_NOT_GLOBAL_FR in page and NO_HOME_FR in page
    assert '<option value="fr" selected>' in page
    assert "Home not global" not in page


def test_choosing_english_again_switches_back(small_map, client):
    client.post("/i18n/setlang/", {"language": "fr", "next": "/"})
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get("/").content.decode()
    assert '<html lang="en"' in page and "The internet governance map" in page


@pytest.mark.parametrize("accept_language", [None, "de", "en-GB,en;q=0.9"])
def test_english_stays_the_default(small_map, client, accept_language):
    headers = {"HTTP_ACCEPT_LANGUAGE": accept_language} if accept_language else {}
    page = client.get("/", **headers).content.decode()
    assert '<html lang="en"' in page
    assert "<h1>The internet governance map</h1>" in page
    assert "No home" in page and "Covered" in page
    assert NO_HOME_FR not in page


# --- the catalogue ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def french_entries() -> list[dict]:
    return po_entries(catalogue_dir() / "django.po")


def test_the_catalogue_declares_french_plural_forms():
    header = (catalogue_dir() / "django.po").read_text(encoding="utf-8").split("\n\n", 1)[0]
    assert '"Language: fr\\n"' in header
    assert '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"' in header
    assert "#, fuzzy" not in header


def test_no_translation_drops_or_invents_a_placeholder(french_entries):
    problems = []
    for entry in french_entries:
        singular, plural = entry["msgid"], entry["msgid_plural"]
        for index, translation in enumerate(entry["msgstr"]):
            if not translation:
                continue
            if plural is None:
                if placeholders(translation) != placeholders(singular):
                    problems.append((singular, translation))
                continue
            # French uses form 0 for 0 and 1, form 1 for more: form 0 may name the count even
            # when the English singular does not, but must keep every other placeholder.
            source = singular if index == 0 else plural
            allowed = set(placeholders(singular)) | set(placeholders(plural))
            if not set(placeholders(source)) <= set(placeholders(translation)) <= allowed:
                problems.append((source, translation))
    assert problems == []


def test_no_entry_is_fuzzy(french_entries):
    """msgfmt leaves fuzzy entries out of the .mo, so their pages would silently stay English."""
    assert [e["msgid"] for e in french_entries if "fuzzy" in e["flags"]] == []


@pytest.mark.parametrize("source", [
    "web/templates/base.html", "web/templates/web/home.html", "issuemap/labels.py",
])
def test_site_chrome_and_gap_labels_are_fully_translated(french_entries, source):
    from_source = [e for e in french_entries
                   if any(ref.rsplit(":", 1)[0] == source for ref in e["references"])]
    assert from_source, f"no strings from {source}: was makemessages run from polycentric/?"
    assert [e["msgid"] for e in from_source if not all(e["msgstr"])] == []


def test_the_compiled_catalogue_matches_the_po_file(french_entries):
    """The .mo is committed (CI may lack gettext); it must be recompiled whenever the .po changes."""
    with (catalogue_dir() / "django.mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)._catalog
    stale = []
    for entry in french_entries:
        if not all(entry["msgstr"]) or "fuzzy" in entry["flags"]:
            continue
        key = entry["msgid"] if entry["msgctxt"] is None else f"{entry['msgctxt']}\x04{entry['msgid']}"
        if entry["msgid_plural"] is None:
            if compiled.get(key) != entry["msgstr"][0]:
                stale.append(entry["msgid"])
        elif [compiled.get((key, i)) for i in range(len(entry["msgstr"]))] != entry["msgstr"]:
            stale.append(entry["msgid"])
    assert stale == [], "run `django-admin compilemessages` in polycentric/"


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext's msgfmt is not installed")
def test_msgfmt_accepts_the_catalogue(tmp_path):
    result = subprocess.run(
        ["msgfmt", "--check", "-o", str(tmp_path / "django.mo"), str(catalogue_dir() / "django.po")],
        capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
