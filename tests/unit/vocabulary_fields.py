"""Enum fields the vocabulary tests of many languages read values against."""

from __future__ import annotations

from feedline.blueprint import Field, Option

ORDER_STATUS = Field("status", "Order Status", type="enum", options=(
    Option("draft", "Draft"), Option("confirmed", "Confirmed"), Option("in_progress", "In Progress"),
    Option("on_hold", "On Hold"), Option("completed", "Completed"), Option("canceled", "Canceled"),
))
GENDER = Field("gender", "Gender", type="enum", options=(Option("male", "Male"), Option("female", "Female")))
EMPLOYMENT = Field("employment", "Employment Type", type="enum", options=(
    Option("full_time", "Full time"), Option("part_time", "Part time"), Option("contractor", "Contractor"),
))
SHIPMENT = Field("status", "Shipment Status", type="enum", options=(
    Option("in_transit", "In transit"), Option("out_for_delivery", "Out for delivery"),
    Option("delivered", "Delivered"), Option("shipped", "Shipped")))


def enum_field(key: str, *options: str) -> Field:
    """An enum field named after its key, each option labelled after its value
    (``full_time`` -> Full Time)."""
    return Field(key, key.replace("_", " ").title(), type="enum",
                 options=tuple(Option(o, o.replace("_", " ").title()) for o in options))


# Fields the deep vocabulary tests of many languages share (a file with other options
# builds its own with enum_field).
PAYMENT_STATUS = enum_field("payment_status", "pending", "paid", "unpaid", "overdue", "refunded")
PAYMENT_METHOD = enum_field("payment_method", "credit_card", "debit_card", "bank_transfer", "direct_debit", "cash",
                            "invoice")
EMPLOYEE_STATUS = enum_field("employee_status", "active", "on_leave", "terminated", "resigned")
SHIPMENT_STATUS = enum_field("shipment_status", "label_created", "picked_up", "in_transit", "out_for_delivery",
                             "delivered", "awaiting_collection", "exception", "returned")
EMPLOYMENT_TYPE = enum_field("employment_type", "full_time", "part_time", "contractor", "temporary", "intern")
EDUCATION = enum_field("education", "primary_school", "high_school", "vocational", "bachelor", "master", "doctorate")
CUSTOMER_TYPE = enum_field("customer_type", "private", "business", "government", "non_profit")
LEAVE_TYPE = enum_field("leave_type", "vacation", "sick_leave", "parental_leave", "unpaid_leave")
PLAN = enum_field("plan", "prepaid", "postpaid")
TICKET_STATUS = enum_field("ticket_status", "open", "in_progress", "on_hold", "resolved", "closed")
