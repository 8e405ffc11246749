"""Mojibake repair against ftfy's library as the reference.

Clean sentences written for this test, in many languages and every script mtcheck has data for,
are garbled the ways text is garbled in the wild (``mtcheck/synthetic/mojibake.py``): UTF-8 read
as Windows-1252 or as Latin-1, read wrong twice, one word only, in the code page of the
language's region, and Windows-1252 quotes and dashes read as Latin-1 (C1 controls). ``mtcheck fix`` (safe fixes, every rule, up to
its ten passes) must give what ``ftfy.fix_encoding`` gives, and leave alone the clean sentences,
which ftfy leaves alone too.

The reference is ``ftfy.fix_encoding``: ftfy's encoding repair (re-encoding, ``restore_byte_a0``,
``replace_lossy_sequences``, ``decode_inconsistent_utf8``, ``fix_c1_controls`` on text it judges
bad), without ``fix_text``'s other steps (uncurled quotes, decoded HTML entities, width and
ligature folding, NFC), which are not repairs of the encoding.
"""

from __future__ import annotations

import ftfy
import pytest

from mtcheck.checker import fix_file
from mtcheck.config import Config
from mtcheck.io.readers import InputFile
from mtcheck.synthetic.mojibake import garblings, with_c1_mark

# (language, sentence): human-written, free of every other artifact mtcheck finds.
SENTENCES = (
    ("en", "The minister said the bridge would reopen in March, after “the longest repair in its history”."),
    ("fr", "Le ministère a déclaré que la tempête avait détruit plus de deux cents maisons."),
    ("de", "Die Bürgermeisterin sagte, die Brücke über die Straße werde im Frühjahr geöffnet."),
    ("de", "Der Sprecher nannte das Ergebnis „einen großen Erfolg“ für die Stadt."),
    ("es", "El niño vio cómo la señora cruzaba la calle con su perro pequeño."),
    ("pt", "A situação da população continua difícil, disse o ministro em São Paulo."),
    ("it", "La città è stata colpita da un’alluvione più grave del previsto."),
    ("nl", "De regering van Curaçao heeft het plan één keer besproken."),
    ("ca", "L’alcalde va dir que l’obra començarà la setmana vinent."),
    ("sv", "Förra året öppnade kommunen en ny skola på ön."),
    ("da", "Der blev født færre børn på øen i år end sidste år."),
    ("is", "Þjóðin kaus nýjan forseta í gær, sagði fréttastofan."),
    ("fi", "Hallitus päätti, että sääntöä käytetään myös ensi vuonna."),
    ("pl", "Władze miasta zapowiedziały, że most zostanie otwarty w przyszłym tygodniu."),
    ("cs", "Čeština je úřední jazyk České republiky a mluví jí přes deset milionů lidí."),
    ("cs", "Ministr řekl, že jde o „velký úspěch“ celé vlády."),
    ("pl", "Rzecznik nazwał wynik „dużym sukcesem” miasta – i podziękował mieszkańcom."),
    ("sk", "Vláda schválila nový zákon o ochrane životného prostredia."),
    ("ro", "Guvernul a anunțat că școlile se vor redeschide în septembrie."),
    ("hu", "A kormány szerint a híd jövő tavasszal nyílik meg újra."),
    ("tr", "Hükümet, köprünün gelecek ay açılacağını açıkladı."),
    ("vi", "Chính phủ cho biết cây cầu sẽ mở cửa trở lại vào tháng tới."),
    ("lv", "Valdība paziņoja, ka tilts tiks atvērts nākamajā mēnesī."),
    ("ru", "Министр сказал, что мост откроют в марте после долгого ремонта."),
    ("uk", "Міністр сказав, що міст відкриють у березні."),
    ("bg", "Министърът каза, че мостът ще бъде отворен през март."),
    ("el", "Ο υπουργός είπε ότι η γέφυρα θα ανοίξει ξανά τον Μάρτιο."),
    ("ar", "قال الوزير إن الجسر سيفتح مرة أخرى في مارس."),
    ("he", "השר אמר שהגשר ייפתח מחדש במרץ."),
    ("fa", "وزیر گفت که پل در ماه مارس دوباره باز می‌شود."),
    ("hi", "मंत्री ने कहा कि पुल मार्च में फिर से खुलेगा।"),
    ("bn", "মন্ত্রী বলেছেন সেতুটি মার্চ মাসে আবার খুলবে।"),
    ("ta", "பாலம் மார்ச் மாதம் மீண்டும் திறக்கப்படும் என்று அமைச்சர் கூறினார்."),
    ("th", "รัฐมนตรีกล่าวว่าสะพานจะเปิดอีกครั้งในเดือนมีนาคม"),
    ("zh", "部长说，这座桥将在三月重新开放。"),
    ("ja", "大臣は、橋が三月に再開すると述べた。"),
    ("ko", "장관은 다리가 3월에 다시 개통될 것이라고 말했다."),
)

def mtcheck_fix(text: str, lang: str) -> str:
    """What ``mtcheck fix`` writes for a text file holding ``text``."""
    return fix_file(InputFile("t.txt", "text", text), Config(), lang=lang).text


CASES = [pytest.param(lang, clean, kind, g, id=f"{lang}-{i}-{kind}")
         for i, (lang, text) in enumerate(SENTENCES) for kind, clean, g in garblings(lang, text)]

# Where mtcheck's answer differs from ftfy's: kept visible, as ftfy keeps its known failures.
# (id → why)
KNOWN_DIFFERENCES: dict[str, str] = {}


@pytest.mark.parametrize("lang, text", [pytest.param(lang, clean, id=f"{lang}-{i}{'-' + kind if kind else ''}")
                                        for i, (lang, text) in enumerate(SENTENCES)
                                        for kind, clean in (("", text), ("C1 marks", with_c1_mark(text)))
                                        if not kind or clean != text])
def test_clean_sentences_are_left_alone_as_ftfy_leaves_them(lang, text):
    assert ftfy.fix_encoding(text) == text
    assert mtcheck_fix(text, lang) == text


@pytest.mark.parametrize("lang, text, kind, broken", CASES)
def test_fix_gives_what_ftfy_fix_encoding_gives(lang, text, kind, broken, request):
    if request.node.callspec.id in KNOWN_DIFFERENCES:
        pytest.xfail(KNOWN_DIFFERENCES[request.node.callspec.id])
    reference, fixed = ftfy.fix_encoding(broken), mtcheck_fix(broken, lang)
    if kind == "one word" and reference == broken:
        # ftfy re-encodes a line as a whole, and a line with letters outside the code page
        # (Polish `ł`, Czech `ř`) cannot be: it leaves the line. MT301 then repairs each word
        # that ftfy finds bad alone; it must give the sentence back.
        assert fixed == text
    else:
        assert fixed == reference


def test_ftfy_restores_most_garbled_sentences():
    """The reference is worth comparing with: ftfy gives back the sentence for nearly every case
    (not all: one garbled word in a line it cannot re-encode whole is beyond it)."""
    restored = sum(ftfy.fix_encoding(g) == text for _, text, _, g in (c.values for c in CASES))
    assert restored >= 0.9 * len(CASES)
