"""Legacy code pages told apart by the letters one language writes: a Czech cp1250 file
is no cp1252 ``Pøesèasy``, a Portuguese cp1252 one no cp1250 ``Săo``."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from feedline.extract import extract
from feedline.extract.detect import legacy_encoding
from feedline.extract.letters import plausibility

SAMPLES = {
    "cs": ("Číslo výkazu;Jméno;Přesčasy;Středisko;Poznámka",
           ["V-{};Jiří Dvořák;2,5;Brno-Židenice;nepříznivé počasí", "V-{};Petr Novák;0;Ostrava-Poruba;bez přesčasů",
            "V-{};Eva Černá;1,5;Plzeň;pracovní neschopnost"], "cp1250"),
    "pl": ("Nr zamówienia;Klient;Miejscowość;Uwagi",
           ["ZAM-{};Łukasz Wójcik;Łódź;źródło dostawy, pilne", "ZAM-{};Anna Kowalska;Kraków;dostawa jutro",
            "ZAM-{};Paweł Żak;Gdańsk;płatność przy odbiorze"], "cp1250"),
    "hu": ("Megrendelés száma;Ügyfél;Város;Megjegyzés",
           ["M-{};Kovács Péter;Győr;sürgős szállítás", "M-{};Nagy Anna;Pécs;kiszállítva, őrzött raktár",
            "M-{};Tóth Gábor;Debrecen;fizetés utánvéttel"], "cp1250"),
    "sk": ("Číslo;Zákazník;Mesto", ["{};Ľubomír Kováč;Žilina", "{};Mária Šťastná;Košice"], "cp1250"),
    "de": ("Bestellnummer;Kunde;Straße;Bemerkung",
           ["B-{};Jürgen Müller;Hauptstraße 5;Lieferung über Göttingen", "B-{};Anna Schäfer;Bahnhofstraße 2;Größe XL",
            "B-{};Jörg Weiß;Am Markt 1;bezahlt"], "cp1252"),
    "fr": ("Numéro;Client;Ville;Remarque",
           ["C-{};Hélène Lefèvre;Besançon;livré à côté", "C-{};François Dupré;Orléans;reçu déjà",
            "C-{};Zoé Garçon;Nîmes;à rappeler"], "cp1252"),
    "pt": ("Número;Cliente;Cidade;Observação",
           ["{};João Gonçalves;São Paulo;ligação não atendida", "{};Conceição Araújo;Brasília;ação concluída",
            "{};André Simões;Belém;pendente"], "cp1252"),
    "da": ("Ordrenr;Kunde;By;Bemærkning", ["O-{};Søren Ørsted;Århus;leveret på lørdag", "O-{};Mette Bæk;Ålborg;færdig"],
           "cp1252"),
    "ru": ("Номер;Клиент;Город;Примечание", ["{};Иван Петров;Москва;доставлено", "{};Ольга Смирнова;Тверь;оплачено"],
           "cp1251"),
    "ru-koi8": ("Номер;Клиент;Город;Примечание",
                ["{};Иван Петров;Москва;доставлено", "{};Ольга Смирнова;Тверь;оплачено"], "koi8-r"),
    "el": ("Αριθμός;Πελάτης;Πόλη", ["{};Γιώργος Παπαδόπουλος;Αθήνα", "{};Μαρία Κωνσταντίνου;Θεσσαλονίκη"], "cp1253"),
    "tr": ("Sipariş No;Müşteri;Şehir", ["{};Ayşe Yılmaz;İstanbul", "{};Çağrı Öztürk;Eskişehir"], "cp1254"),
    "lt": ("Užsakymo nr;Klientas;Miestas", ["{};Jonas Kazlauskas;Šiauliai", "{};Rūta Petraitienė;Klaipėda"], "cp1257"),
    "he": ("מספר;לקוח;עיר", ["{};דוד כהן;תל אביב", "{};שרה לוי;ירושלים"], "cp1255"),
}


def _text(language: str, rows: int = 60) -> tuple[str, str]:
    head, lines, encoding = SAMPLES[language]
    rng = random.Random(language)
    return head + "\n" + "".join(rng.choice(lines).format(i) + "\n" for i in range(rows)), encoding


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_a_legacy_file_is_read_in_the_code_page_its_language_was_written_in(language):
    text, encoding = _text(language)
    data = text.encode(encoding)
    assert data.decode(legacy_encoding(data)) == text


def test_letters_of_one_language_are_more_plausible_than_a_wrong_code_pages():
    text, _ = _text("cs")
    wrong = text.encode("cp1250").decode("cp1252")  # Pøesèasy
    assert plausibility(text) > plausibility(wrong)
    assert plausibility("id;name\n1;plain\n") is None  # nothing beyond ASCII to weigh
    assert plausibility("Zoë Grüße") > plausibility("Zoλ Grόίe")  # Greek letters inside Latin words


def test_a_czech_cp1250_csv_extracts_with_its_own_letters(tmp_path: Path):
    text, _ = _text("cs")
    path = tmp_path / "vykaz.csv"
    path.write_bytes(text.encode("cp1250"))
    ex = extract(path)
    assert ex.encoding == "cp1250"
    assert ex.tables[0].frame.columns == ["Číslo výkazu", "Jméno", "Přesčasy", "Středisko", "Poznámka"]
