import pytest
from polycentric.issuemap.importer import map_import
from polycentric.issuemap.reference import MAP_FILE
from polycentric.issuemap import selectors

@pytest.mark.django_db
def test_gaps(reference):
    map_import(path=MAP_FILE, actor=None)
    doc = selectors.gap_document(selectors.gap_report(use_cache=False))
    print(list(doc)[:10])
    import json
    print({k: (v if not isinstance(v, list) else len(v)) for k, v in doc.items()})
    for issue in doc.get("gaps", []):
        if "jurisdiction" in json.dumps(issue) or "data-governance" in json.dumps(issue):
            print(json.dumps(issue)[:1500])
