"""Portuguese (pt.yaml), deepened: more ways Portugal's and Brazil's exports write the
concepts (payroll and ERP headers, carriers' tracking events, payment methods, contract
types, leave and HR statuses)."""

from __future__ import annotations

import pytest

from feedline.blueprint import Field, Option
from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form


@pytest.mark.parametrize(("header", "meaning"), [
    ("Nome do Cliente", ("customer", "name")), ("Código do Cliente", ("customer", "id")),
    ("Nº do Pedido", ("order", "id")), ("Número da Fatura", ("invoice", "id")),
    ("Nome do Funcionário", ("employee", "name")), ("Nº Mecanográfico", ("employee", "id")),
    ("Dt. Admissão", ("hire", "date")), ("Data de Rescisão", ("termination", "date")),
    ("Imposto de Renda", ("income", "tax")), ("Data de Lançamento", ("booking", "date")),
    ("Unidade de Medida", ("unit", "of", "measure")), ("Forma Pagamento", ("payment", "method")),
    ("Portes de envio", ("freight",)), ("Carga horária semanal", ("working", "hours")),
    ("Chefia", ("manager",)),
])
def test_portuguese_header_words(header, meaning):
    assert form(header).expanded == meaning


def _read(values: list[str], options: list[str]) -> dict[str, str | None]:
    field = Field("status", "Status", type="enum",
                  options=tuple(Option(o.replace(" ", "_"), o.title()) for o in options))
    return {m.value: m.option for m in map_enum_values(dict.fromkeys(values, 1), field)}


def test_portuguese_tracking_events():
    got = _read(["Objeto postado", "Objeto encaminhado", "Objeto saiu para entrega ao destinatário",
                 "Objeto entregue ao destinatário", "Destinatário ausente", "Aguarda levantamento"],
                ["picked up", "in transit", "out for delivery", "delivered", "exception", "awaiting collection"])
    assert got == {"Objeto postado": "picked_up", "Objeto encaminhado": "in_transit",
                   "Objeto saiu para entrega ao destinatário": "out_for_delivery",
                   "Objeto entregue ao destinatário": "delivered", "Destinatário ausente": "exception",
                   "Aguarda levantamento": "awaiting_collection"}


def test_portuguese_order_and_payment_statuses():
    assert _read(["Em separação", "Adiado", "Sem efeito"], ["draft", "in progress", "on hold", "cancelled"]) == {
        "Em separação": "in_progress", "Adiado": "on_hold", "Sem efeito": "cancelled"}
    assert _read(["Pagamento aprovado", "Em mora", "Não pagos"], ["pending", "paid", "unpaid", "overdue"]) == {
        "Pagamento aprovado": "paid", "Em mora": "overdue", "Não pagos": "unpaid"}


def test_portuguese_payment_methods_and_card_types():
    got = _read(["Crédito", "Débito", "Depósito em conta", "Em espécie", "Vale refeição"],
                ["credit card", "debit card", "bank transfer", "cash", "voucher"])
    assert got == {"Crédito": "credit_card", "Débito": "debit_card", "Depósito em conta": "bank_transfer",
                   "Em espécie": "cash", "Vale refeição": "voucher"}
    # beside debit and credit only, the same words are the direction of a booking
    assert _read(["Crédito", "Débito"], ["debit", "credit"]) == {"Crédito": "credit", "Débito": "debit"}


def test_portuguese_contract_types_and_hr_statuses():
    got = _read(["Contrato a termo certo", "Recibos verdes", "Jovem aprendiz", "Tempo indeterminado"],
                ["permanent", "temporary", "contractor", "intern"])
    assert got == {"Contrato a termo certo": "temporary", "Recibos verdes": "contractor",
                   "Jovem aprendiz": "intern", "Tempo indeterminado": "permanent"}
    got = _read(["Férias", "Rescisão", "Demissão sem justa causa"], ["active", "on leave", "terminated"])
    assert got == {"Férias": "on_leave", "Rescisão": "terminated", "Demissão sem justa causa": "terminated"}


def test_msrm_is_a_prescription_medicine_not_one_sold_over_the_counter():
    assert _read(["MSRM", "MNSRM"], ["prescription", "over the counter"]) == {
        "MSRM": "prescription", "MNSRM": "over_the_counter"}
