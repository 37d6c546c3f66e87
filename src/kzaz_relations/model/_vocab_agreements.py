"""The closed vocabularies of agreements.

They are re-exported by :mod:`kzaz_relations.model.vocab` and defined in a module of their
own so that code that never touches these tables does not pay for building their enums.
"""

from __future__ import annotations

import enum

__all__ = [
    "AgreementKind",
    "AgreementStatus",
]


class AgreementKind(enum.StrEnum):
    """The kind of a signed document."""

    TREATY = "treaty"
    AGREEMENT = "agreement"
    DECLARATION = "declaration"
    JOINT_STATEMENT = "joint_statement"
    PROTOCOL = "protocol"
    MEMORANDUM = "memorandum"
    PROGRAMME = "programme"
    ACTION_PLAN = "action_plan"
    ROADMAP = "roadmap"
    CONTRACT = "contract"
    OTHER = "other"


class AgreementStatus(enum.StrEnum):
    """Where a document stands, as far as a source says."""

    SIGNED = "signed"
    "Signed; nothing further is known."
    RATIFIED = "ratified"
    "Ratified or approved by at least one party."
    IN_FORCE = "in_force"
    "Entered into force."
    EXPIRED = "expired"
    "Expired or terminated."
