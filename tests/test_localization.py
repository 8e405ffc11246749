"""The localization checks: MT701 placeholders, MT702 consistency, MT703 terminology, and the
glossaries behind MT703 (CSV, TBX, CLI and config), with strings written for these tests."""

from __future__ import annotations

import json

import pytest

from cli_helpers import assert_one_line_error, run
from mtcheck import check
from mtcheck.checker import check_document
from mtcheck.config import Config, ConfigError, load_config
from mtcheck.document import Document
from mtcheck.fixes import apply_fixes
from mtcheck.io.glossary import GlossaryError, load_glossary
from mtcheck.text.placeholders import compare, placeholders

pytestmark = pytest.mark.usefixtures("in_tmp")


def findings(target: str, source: str, lang: str = "es", code: str = "MT701", config: Config | None = None):
    config = config or Config()
    config.select = [code]
    return check(target, lang=lang, source=source, source_lang="en", config=config)


def spans(target: str, source: str, **kw) -> list[str]:
    return [f.text for f in findings(target, source, **kw)]


def records_doc(pairs: list[tuple[str, str]], lang: str = "es") -> Document:
    return Document.from_records([t for _, t in pairs], [f"r{i}" for i in range(1, len(pairs) + 1)],
                                 list(range(1, len(pairs) + 1)), lang, sources=[s for s, _ in pairs],
                                 source_lang="en")


# -- MT701: each kind missing, added, changed ---------------------------------------------------
KINDS = [
    # (source, translation with it kept, its text, a changed form)
    ("Deleted %d photos.", "Se borraron %d fotos.", "%d", "% d"),
    ("Sent by %1$s on %2$s.", "Enviado por %1$s el %2$s.", "%1$s", "%1$d"),
    ("Hi %(user)s!", "¡Hola %(user)s!", "%(user)s", "%(usuario)s"),
    ("Hi {user}!", "¡Hola {user}!", "{user}", "{usuario}"),
    ("Value: {0:>8}", "Valor: {0:>8}", "{0:>8}", "{ 0:>8}"),
    ("Hi {{ user }}!", "¡Hola {{ user }}!", "{{ user }}", "{{ usuario }}"),
    ("Total ${amount} now", "Total ${amount} ahora", "${amount}", "${importe}"),
    ("%count% photos", "%count% fotos", "%count%", "%cantidad%"),
    ("Call #PHONE_NUMBER# today", "Llame hoy al #PHONE_NUMBER#", "#PHONE_NUMBER#", "#TELEFONO#"),
    ("Open <g id=\"3\">the menu</g> first", "Abra primero <g id=\"3\">el menú</g>", '<g id="3">', '<g id="4">'),
    ("Line<br/>break", "Salto<br/>de línea", "<br/>", "<br-x/>"),
    ('See <a href="/guide">the guide</a>', 'Vea <a href="/guide">la guía</a>', '<a href="/guide">', '<a href="/guia">'),
    ("Press <b>Save</b> now", "Pulse <b>Guardar</b> ahora", "</b>", "</bb>"),
    ("Read https://docs.example.org/start first", "Lea primero https://docs.example.org/start",
     "https://docs.example.org/start", "https://docs.example.org/inicio"),
    ("Write to team@example.org", "Escriba a team@example.org", "team@example.org", "equipo@example.org"),
    ("{n, plural, one {# photo} other {# photos}} left", "Quedan {n, plural, one {# foto} other {# fotos}}",
     "{n, plural", "{cantidad, plural"),
]


@pytest.mark.parametrize("source,kept,ph,changed", KINDS, ids=[k[2] for k in KINDS])
def test_each_placeholder_kind_kept_is_quiet(source, kept, ph, changed):
    assert ph in kept
    assert findings(kept, source) == []


@pytest.mark.parametrize("source,kept,ph,changed", KINDS, ids=[k[2] for k in KINDS])
def test_each_placeholder_kind_missing_is_reported_on_the_whole_translation(source, kept, ph, changed):
    dropped = " ".join(kept.replace(ph, "").split())
    [f] = findings(dropped, source)
    assert (f.start, f.end) == (0, len(dropped))
    assert f"`{ph}`" in f.message and "missing" in f.message
    assert not f.fixes


@pytest.mark.parametrize("source,kept,ph,changed", KINDS, ids=[k[2] for k in KINDS])
def test_each_placeholder_kind_added_is_reported_on_itself(source, kept, ph, changed):
    target = f"{kept} {ph}" if not ph.startswith("{n,") else kept.replace("Quedan", "Quedan {m, plural, other {#}}")
    found = findings(target, source)
    assert len(found) == 1, [(f.text, f.message) for f in found]
    assert "not in the source" in found[0].message
    assert found[0].start >= len("Quedan") if ph.startswith("{n,") else found[0].text == ph


@pytest.mark.parametrize("source,kept,ph,changed", KINDS, ids=[k[2] for k in KINDS])
def test_each_placeholder_kind_changed_is_reported_on_the_new_form(source, kept, ph, changed):
    target = kept.replace(ph, changed)
    [f] = findings(target, source)
    assert f.text == changed and f"`{ph}`" in f.message
    if ph.startswith(("https:", "team@")):
        assert not f.fixes  # a localized URL or address may be meant
    else:
        assert [fix.is_safe for fix in f.fixes] == [False]
        assert apply_fixes(target, [f], unsafe=True) == kept
        assert apply_fixes(target, [f]) == target  # unsafe: `fix` alone leaves it


def test_no_fix_when_more_than_one_placeholder_changed():
    found = findings("Hola {usuario}, tienes {cantidad} mensajes", "Hi {user}, you have {count} messages")
    assert [f.text for f in found] == ["{usuario}", "{cantidad}"]
    assert all(not f.fixes for f in found)


def test_reordered_unnumbered_printf_is_reported_numbered_is_fine():
    assert spans("%d de %s", "%s of %d") == ["%d", "%s"]
    assert spans("%2$d de %1$s", "%s of %d") == []
    assert spans("{1} de {0}", "{} of {}") == []


@pytest.mark.parametrize("lang,source,target", [
    ("fr", "Up to 50% off all items.", "Jusqu'à 50 % de réduction sur tous les articles."),
    ("ru", "Prices rose 7% in May.", "Цены выросли на 7 % в мае."),
    ("de", "A 20% discount applies.", "Es gilt ein Rabatt von 20% auf alles."),
    ("it", "Save 30% today and 10% tomorrow.", "Risparmia il 30% oggi e il 10% domani."),
    ("es", "Done: 100%% of %d files", "Hecho: 100%% de %d archivos"),
    ("pt", "The set {} is empty.", "O conjunto {} está vazio."),
    ("nl", "Note: see the manual.", "Let op: zie de handleiding."),
    ("en", "Attention :vous devez redémarrer.", "Warning: you must restart."),
    ("fr", "Use the < and > keys", "Utilisez les touches < et >"),
    ("en", "＜福島県＞ the bridge was closed", "<Fukushima Prefecture> the bridge was closed"),
    ("en", "No placeholders here.", "Aquí no hay nada."),
])
def test_percent_signs_and_prose_are_quiet(lang, source, target):
    assert findings(target, source, lang=lang) == []


def test_percent_d_inside_french_prose_is_not_a_near_form_of_a_lost_placeholder():
    [f] = findings("Supprimé 50 % des fichiers.", "Deleted %d files.", lang="fr")
    assert "missing" in f.message and not f.fixes


def test_empty_braces_are_matched_once():
    assert findings("El conjunto {} está vacío.", "The set {} is empty.") == []
    [f] = findings("El conjunto está vacío.", "The set {} is empty.")
    assert "`{}`" in f.message and f.message.count("{}") == 1


def test_icu_bodies_are_not_compared_only_argument_names():
    source = "{count, plural, one {# file} other {# files}}"
    russian = "{count, plural, one {# файл} few {# файла} many {# файлов} other {# файла}}"
    assert findings(russian, source, lang="ru") == []


def test_placeholders_are_taken_once_each():
    keys = [p.key for p in placeholders("Visit https://example.com/a?x=%20 or {{name}} {name} %s%% <b/>")]
    assert keys == ["https://example.com/a?x=%20", "{{name}}", "{name}", "%s", "<b/>"]


def test_compare_says_none_when_placeholders_agree_in_another_order_of_tags():
    assert compare('<g id="1">A</g><x id="2"/>', '<x id="2"/><g id="1">B</g>') is None


def test_translated_attributes_and_attribute_order_are_not_a_change():
    source = '<a href="/guide" title="Read the guide">Guide</a> <img alt="A cat" src="cat.png"/>'
    target = '<a title="Lea la guía" href="/guide">Guía</a> <img src="cat.png" alt="Un gato"/>'
    assert compare(source, target) is None


def test_tags_the_source_has_are_left_to_mt701_not_reported_as_residue():
    source, target = 'Read <a href="/guide">the guide</a>.', 'Lea <a href="/guia">la guía</a>.'
    found = check(target, lang="es", source=source, source_lang="en")
    assert [(f.code, f.text) for f in found] == [("MT701", '<a href="/guia">')]
    # Without the source they are residue, both of them.
    assert [f.code for f in check(target, lang="es")] == ["MT303", "MT303"]


def test_record_without_source_or_plain_text_without_source_is_not_compared():
    assert check("Hola {nombre}", lang="es", config=Config(select=["MT701"])) == []
    doc = Document.from_records(["Hola {nombre}"], ["a"], [1], "es", sources=[None])
    assert check_document(doc, Config(select=["MT701"])) == []


# -- JSONL through the CLI ----------------------------------------------------------------------
def _jsonl(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def test_jsonl_through_the_cli_names_the_record(in_tmp, capsys):
    _jsonl(in_tmp / "ui.jsonl", [
        {"id": "greeting", "source": "Hello {user}!", "translation": "¡Hola {usuario}!", "target_lang": "es"},
        {"id": "count", "source": "%d items", "translation": "%d elementos", "target_lang": "es"},
        {"id": "link", "source": "See #URL# now", "translation": "Vea ahora", "target_lang": "es"},
    ])
    rc, out, _ = run(capsys, "check", "--isolated", "--select", "MT701", "--format", "json", "ui.jsonl")
    assert rc == 1
    report = json.loads(out)["findings"]
    assert [(f["record"], f["code"]) for f in report] == [("greeting", "MT701"), ("link", "MT701")]
    assert (report[0]["start"], report[0]["end"]) == (6, 15)  # offsets inside the record
    assert report[0]["fixes"][0]["applicability"] == "unsafe"
    assert "#URL#" in report[1]["message"]

    rc, _, _ = run(capsys, "fix", "--isolated", "--select", "MT701", "--unsafe-fixes", "ui.jsonl")
    fixed = [json.loads(line) for line in (in_tmp / "ui.jsonl").read_text(encoding="utf-8").splitlines()]
    assert fixed[0]["translation"] == "¡Hola {user}!"
    assert fixed[2]["translation"] == "Vea ahora"  # missing: no fix


def test_placeholders_in_protected_spans_are_still_reported(in_tmp, capsys):
    # `#PRS_ORG#` looks like a hashtag and URLs are protected from the text rules.
    _jsonl(in_tmp / "a.jsonl", [
        {"id": "1", "source": "Thanks for contacting #PRS_ORG#.", "translation": "Gracias por contactar con # PRS_ORG#."},
        {"id": "2", "source": "See https://a.example.com/en", "translation": "Vea https://a.example.com/es"},
        {"id": "3", "source": "Dear customer,", "translation": "Estimado #NAME#,"},
    ])
    rc, out, _ = run(capsys, "check", "--isolated", "--lang", "es", "--select", "MT701", "--format", "json", "a.jsonl")
    report = json.loads(out)["findings"]
    assert [(f["record"], f["start"]) for f in report] == [("1", 26), ("2", 4), ("3", 9)]


# -- MT702 ----------------------------------------------------------------------------------------
def test_same_source_translated_two_ways_across_records_of_one_doc_id(in_tmp, capsys):
    rows = [
        {"id": "a1", "doc_id": "menu", "source": "Open the file", "translation": "Abrir el archivo"},
        {"id": "a2", "doc_id": "menu", "source": "Close", "translation": "Cerrar"},
        {"id": "a3", "doc_id": "menu", "source": "Open  the file", "translation": "Abrir  el archivo"},
        {"id": "a4", "doc_id": "menu", "source": "Open the file", "translation": "Abre el fichero"},
        {"id": "b1", "doc_id": "other", "source": "Open the file", "translation": "Abrir archivo"},
    ]
    _jsonl(in_tmp / "ui.jsonl", rows)
    rc, out, _ = run(capsys, "check", "--isolated", "--lang", "es", "--select", "MT702", "--format", "json", "ui.jsonl")
    [f] = json.loads(out)["findings"]
    assert f["record"] == "a4" and f["category"] == "inconsistent-translation"
    assert (f["start"], f["end"]) == (0, len("Abre el fichero"))
    assert "a1" in f["message"] and "Abrir el archivo" in f["message"]
    assert f["fixes"] == []


@pytest.mark.parametrize("pairs", [
    [("OK", "Aceptar"), ("OK", "Vale")],  # short: context decides
    [("New", "Nuevo"), ("New", "Nueva")],  # agreement with a noun the unit does not show
    [("Open the file", "Abrir el archivo"), ("Open the file", "")],  # empty: another rule's
    [("Delete", "Eliminar"), ("Remove", "Eliminar")],  # the reverse is not reported
])
def test_consistency_leaves_context_and_synonyms_alone(pairs):
    assert check_document(records_doc(pairs), Config(select=["MT702"])) == []


def test_consistency_on_line_aligned_text_with_source():
    found = findings("Guardar\nCancelar\nSalvar", "Save file\nCancel\nSave file", code="MT702")
    assert [(f.text, f.line) for f in found] == [("Salvar", 3)]
    assert "line 1" in found[0].message


# -- MT703 and glossaries --------------------------------------------------------------------
CSV = "source,target,target_lang,note\nceasefire,alto el fuego|cese al fuego,es,approved\noperating system,sistema operativo,es,\nceasefire,cessez-le-feu,fr,\n"


@pytest.fixture
def csv_glossary(in_tmp):
    (in_tmp / "terms.csv").write_text(CSV, encoding="utf-8")
    return in_tmp / "terms.csv"


TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><text><body>
  <termEntry id="c1">
    <langSet xml:lang="en"><tig><term>ceasefire</term></tig></langSet>
    <langSet xml:lang="es-ES">
      <tig><term>alto el fuego</term></tig>
      <tig><term>tregua</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
    </langSet>
  </termEntry>
</body></text></martif>
"""

TBX_V3 = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dct" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
  <conceptEntry id="c7">
    <langSec xml:lang="en"><termSec><term>user account</term></termSec></langSec>
    <langSec xml:lang="ru"><termSec><term>учётная запись</term></termSec></langSec>
  </conceptEntry>
</body></text></tbx>
"""


def test_csv_glossary_loads_alternatives_languages_and_ignores_extra_columns(csv_glossary):
    g = load_glossary(csv_glossary)
    assert len(g) == 3
    es = g.for_pair("en", "es")
    assert {t.sources for t in es} == {("ceasefire",), ("operating system",)}
    assert ("alto el fuego", "cese al fuego") in {t.targets for t in es}
    assert g.for_pair("en", "de") == ()


def test_tbx_glossaries_2008_and_v3_skip_deprecated_terms(in_tmp):
    (in_tmp / "a.tbx").write_text(TBX, encoding="utf-8")
    (in_tmp / "b.tbx").write_text(TBX_V3, encoding="utf-8")
    [term] = load_glossary(in_tmp / "a.tbx").for_pair("en", "es")
    assert term.sources == ("ceasefire",) and term.targets == ("alto el fuego",)
    [term] = load_glossary(in_tmp / "b.tbx").for_pair(None, "ru")
    assert term.targets == ("учётная запись",)


@pytest.mark.parametrize("target,reported", [
    ("El alto el fuego se mantuvo.", False),
    ("El cese al fuego se mantuvo.", False),
    ("Los altos el fuego se mantuvieron.", False),  # endings are free
    ("La tregua se mantuvo.", True),
])
def test_terminology_with_csv_glossary(csv_glossary, target, reported):
    config = Config()
    config.add_glossary(load_glossary(csv_glossary))
    found = findings(target, "The ceasefire held.", code="MT703", config=config)
    assert bool(found) == reported
    if reported:
        [f] = found
        assert (f.start, f.end) == (0, len(target))
        assert f.message == "glossary: “ceasefire” should be “alto el fuego” or “cese al fuego”"


def test_terminology_tolerates_inflection_and_plural_sources(csv_glossary):
    config = Config()
    config.add_glossary(load_glossary(csv_glossary))
    assert findings("Comparamos sistemas operativos.", "We compared operating systems.",
                    code="MT703", config=config) == []
    assert findings("Comparamos plataformas.", "We compared operating systems.",
                    code="MT703", config=config) != []
    # Another target language's term is not required.
    assert findings("Die Waffenruhe hielt.", "The ceasefire held.", lang="de", code="MT703", config=config) == []


def test_terminology_russian_declension_and_compounds(in_tmp):
    (in_tmp / "b.tbx").write_text(TBX_V3, encoding="utf-8")
    config = Config()
    config.add_glossary(load_glossary(in_tmp / "b.tbx"))
    assert findings("Войдите в свою учетной записи.", "Sign in to your user account.", lang="ru",
                    code="MT703", config=config) == []
    (in_tmp / "de.csv").write_text("source,target\naccount,Konto\n", encoding="utf-8")
    config = Config()
    config.add_glossary(load_glossary(in_tmp / "de.csv"))
    assert findings("Prüfen Sie Ihre Kontodaten.", "Check your account details.", lang="de",
                    code="MT703", config=config) == []


def test_terminology_matches_acronyms_in_their_case(in_tmp):
    (in_tmp / "t.csv").write_text("source,target\nUS,EE. UU.\n", encoding="utf-8")
    config = Config()
    config.add_glossary(load_glossary(in_tmp / "t.csv"))
    assert findings("Llámanos hoy.", "Call us today.", code="MT703", config=config) == []
    assert findings("Viajó a América.", "She went to the US.", code="MT703", config=config) != []


def _terms(in_tmp, rows: str) -> Config:
    (in_tmp / "p.csv").write_text("source,target\n" + rows, encoding="utf-8")
    config = Config(select=["MT703"])
    config.add_glossary(load_glossary(in_tmp / "p.csv"))
    return config


def test_source_terms_take_the_plural_endings_of_the_source_language(in_tmp):
    """`[words] plural_endings` of the source language's language.toml: English `s`, `es`
    (`Indian` is no form of `India`), German also `e`, `en`, `n` (`Waffenruhen`); a source of no
    given language gets defaults.toml's endings, English and German's together."""
    config = _terms(in_tmp, "India,Indien\nWaffenruhe,ceasefire\n")

    def reported(target, source, source_lang, lang="de"):
        return bool(check(target, lang=lang, source=source, source_lang=source_lang, config=config))

    assert reported("Die Truppen zogen ab.", "The Indias left.", "en")
    assert not reported("Die indischen Truppen zogen ab.", "The Indian troops left.", "en")
    assert reported("Die indischen Truppen zogen ab.", "The Indian troops left.", None)
    assert reported("The truces held.", "Die Waffenruhen hielten.", "de", lang="en")


def test_a_made_up_plural_ending_changes_what_the_source_matches(in_tmp, monkeypatch):
    from mtcheck import languages
    from mtcheck.rules import terminology

    config = _terms(in_tmp, "India,Indien\n")
    source = "The Indian troops left."
    assert not check("Die Truppen zogen ab.", lang="de", source=source, source_lang="en", config=config)
    monkeypatch.setitem(languages.settings("en")["language"]["words"], "plural_endings", ["s", "es", "n"])
    terminology.plural_endings.cache_clear()
    try:
        assert check("Die Truppen zogen ab.", lang="de", source=source, source_lang="en", config=config)
    finally:
        monkeypatch.undo()
        terminology.plural_endings.cache_clear()


def test_mt703_through_the_cli_with_csv_and_tbx(in_tmp, csv_glossary, capsys):
    (in_tmp / "a.tbx").write_text(TBX, encoding="utf-8")
    _jsonl(in_tmp / "news.jsonl", [
        {"id": "n1", "source": "The ceasefire held.", "translation": "La tregua se mantuvo.", "source_lang": "en"},
        {"id": "n2", "source": "The ceasefire ended.", "translation": "El alto el fuego terminó.", "source_lang": "en"},
    ])
    for glossary in ("terms.csv", "a.tbx"):
        rc, out, _ = run(capsys, "check", "--isolated", "--lang", "es", "--glossary", glossary,
                         "--select", "MT703", "--format", "json", "news.jsonl")
        report = json.loads(out)["findings"]
        assert rc == 1 and [f["record"] for f in report] == ["n1"], glossary
        assert report[0]["category"] == "terminology"
    rc, out, _ = run(capsys, "check", "--isolated", "--lang", "es", "--select", "MT703", "news.jsonl")
    assert rc == 0  # no glossary, no terminology check


def test_mt703_with_glossary_from_config_relative_to_it(in_tmp, capsys):
    (in_tmp / "conf").mkdir()
    (in_tmp / "conf" / "terms.csv").write_text(CSV, encoding="utf-8")
    (in_tmp / "conf" / "mtcheck.toml").write_text('lang = "es"\nglossary = "terms.csv"\nselect = ["MT703"]\n')
    (in_tmp / "a.txt").write_text("La tregua se mantuvo.\n", encoding="utf-8")
    (in_tmp / "src.txt").write_text("The ceasefire held.\n", encoding="utf-8")
    rc, out, _ = run(capsys, "check", "--config", "conf/mtcheck.toml", "--source", "src.txt", "a.txt")
    assert rc == 1 and "MT703" in out and "alto el fuego" in out
    assert load_config(in_tmp / "conf" / "mtcheck.toml").glossary is not None


def test_glossary_list_in_config_and_bad_glossary_is_a_config_error(in_tmp, csv_glossary):
    (in_tmp / "x.toml").write_text('glossary = ["terms.csv", "terms.csv"]\n')
    assert len(load_config(in_tmp / "x.toml").glossary) == 3  # merged, not doubled
    (in_tmp / "y.toml").write_text('glossary = "missing.csv"\n')
    with pytest.raises(ConfigError, match="missing.csv"):
        load_config(in_tmp / "y.toml")
    (in_tmp / "bad.csv").write_text("term;translation\nx;y\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="'source' and 'target'"):
        load_glossary(in_tmp / "bad.csv")


@pytest.mark.parametrize("lang,text,word,code", [
    ("es", "La marca Lunes vende ropa.", "Lunes", "MT402"),
    ("en", "She drinks a lot of evian every day.", "evian", "MT401"),
])
def test_glossary_target_terms_are_accepted_by_other_rules(in_tmp, lang, text, word, code):
    assert [f.code for f in check(text, lang=lang) if f.text == word] == [code]
    (in_tmp / "brands.csv").write_text(f"source,target\n{word},{word}\n", encoding="utf-8")
    config = Config()
    config.add_glossary(load_glossary(in_tmp / "brands.csv"))
    assert [f for f in check(text, lang=lang, config=config) if f.text == word] == []


BOMB = """<?xml version="1.0"?>
<!DOCTYPE martif [
  <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
]>
<martif type="TBX"><text><body><termEntry>
  <langSet xml:lang="en"><tig><term>&d;</term></tig></langSet>
  <langSet xml:lang="es"><tig><term>x</term></tig></langSet>
</termEntry></body></text></martif>
"""

EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE martif [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<martif><text><body><termEntry><langSet xml:lang="en"><tig><term>&secret;</term></tig></langSet>
</termEntry></body></text></martif>
"""


@pytest.mark.parametrize("xml", [BOMB, EXTERNAL], ids=["entity-bomb", "external-entity"])
def test_tbx_with_entities_is_refused_with_a_one_line_error(in_tmp, capsys, xml):
    (in_tmp / "evil.tbx").write_text(xml, encoding="utf-8")
    (in_tmp / "a.txt").write_text("Hola.\n", encoding="utf-8")
    rc, out, err = run(capsys, "check", "--isolated", "--lang", "es", "--glossary", "evil.tbx", "a.txt")
    assert rc == 2 and out == ""
    assert_one_line_error(err, "evil.tbx", "entities")


def test_malformed_tbx_and_missing_glossary_are_one_line_errors(in_tmp, capsys):
    (in_tmp / "broken.tbx").write_text("<martif><text>", encoding="utf-8")
    (in_tmp / "a.txt").write_text("Hola.\n", encoding="utf-8")
    rc, _, err = run(capsys, "check", "--isolated", "--lang", "es", "--glossary", "broken.tbx", "a.txt")
    assert rc == 2
    assert_one_line_error(err, "broken.tbx", "not well-formed")
    rc, _, err = run(capsys, "check", "--isolated", "--lang", "es", "--glossary", "nope.csv", "a.txt")
    assert rc == 2
    assert_one_line_error(err, "nope.csv")


# -- the rules' own clean texts, this time with their sources ------------------------------------
@pytest.mark.parametrize("lang,source,target", [
    ("fr", "A 50% rise in one year, 20% more than in 2021.", "Une hausse de 50 % en un an, soit 20 % de plus qu'en 2021."),
    ("ru", "A 50% rise in a year.", "Рост на 50 % за год."),
    ("es", "Save file\nSave file", "Guardar archivo\nGuardar archivo"),
])
def test_clean_conventions_with_sources(lang, source, target):
    config = Config(select=["MT701", "MT702", "MT703"])
    assert check(target, lang=lang, source=source, source_lang="en", config=config) == []


def test_po_context_and_plural_forms_are_other_contexts():
    # Record ids as the PO reader makes them: msgctxt U+0004 msgid, plural forms with [n].
    doc = Document.from_records(
        ["Открыть файл", "Открытый файл", "%d файла", "%d файлов", "Сохранить файл", "Записать файл"],
        ["verb\x04Open file", "adjective\x04Open file", "%d file[1]", "%d file[2]", "Save file", "Save file"],
        [1, 5, 9, 10, 12, 15], "ru",
        sources=["Open file", "Open file", "%d files", "%d files", "Save file", "Save file"])
    [f] = check_document(doc, Config(select=["MT702"]))
    assert f.record == "Save file" and f.line == 15 and "(line 12)" in f.message


def test_library_config_with_a_glossary(csv_glossary):
    config = Config(select=["MT703"], glossary=load_glossary(csv_glossary))
    assert "alto el fuego" in config.accept
    [f] = check("La tregua se mantuvo.", lang="es", source="The ceasefire held.", config=config)
    assert f.code == "MT703"


def test_an_ampersand_inside_a_name_is_no_entity():
    """`AT&T;`, `A&E;`: a name with an ampersand, then a semicolon, is text; `&brandShortName;`
    standing apart is an entity a program fills in."""
    assert compare("Go to A&E; now.", "Ve a urgencias; ya.") is None
    assert [p.key for p in placeholders("AT&T; and R&D; see &brandShortName;")] == ["&brandShortName;"]
