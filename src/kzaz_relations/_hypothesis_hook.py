"""The hypothesis plug-in: registers the model strategies so ``st.from_type(Agreement)`` works.

Hypothesis calls :func:`_register` through the ``hypothesis`` entry point when it is
imported. The strategies module is imported lazily, inside the registered callables, so
importing ``kzaz_relations.strategies`` first cannot make a circular import.
"""

from __future__ import annotations

from typing import Any


def _register() -> None:
    from hypothesis import strategies as st

    from . import model
    from .dataset import Dataset

    classes: list[type[Any]] = [
        getattr(model, name)
        for name in (
            "PartialDate",
            "Period",
            "Citation",
            "Source",
            "Agreement",
            "CoChair",
            "Council",
            "CouncilMeeting",
            "Visit",
            "Milestone",
            "Project",
            "Observation",
            "Claim",
            "Statement",
            "Event",
            "DatasetInfo",
        )
    ]
    classes.append(Dataset)

    def lazy(cls: type[Any]) -> Any:
        def strategy(_: type[Any]) -> Any:
            from .strategies import STRATEGIES

            return STRATEGIES[cls]

        return strategy

    for cls in classes:
        st.register_type_strategy(cls, lazy(cls))
