"""Which screen shows the slides and which shows the presenter view (Qt-free, so it is unit-tested)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ScreenInfo:
    """What the presenter needs to know about one connected screen (geometry in logical pixels)."""

    name: str
    x: int = 0
    y: int = 0
    width: int = 1920
    height: int = 1080

    @property
    def area(self) -> int:
        return max(0, self.width) * max(0, self.height)


def choose_screens(screens: list[ScreenInfo], *, primary_index: int,
                   swap: bool = False) -> tuple[int, int | None]:
    """(audience_index, presenter_index or None) for the connected screens.

    One screen: the slides go on it and there is no presenter view. Two or more: the presenter view
    stays on the primary screen (the laptop, where the presenter's keyboard is) and the slides go
    to the largest other screen (the projector or meeting-room display; the first of equal ones, so
    the choice is stable). ``swap`` exchanges the two, for rooms where the projector was made the
    primary display. A primary index outside the list counts as the first screen.
    """
    if not screens:
        raise ValueError("no screen connected")
    if len(screens) == 1:
        return 0, None
    primary = primary_index if 0 <= primary_index < len(screens) else 0
    others = [i for i in range(len(screens)) if i != primary]
    # max() keeps the first of equal candidates: stable when two projectors are the same size.
    audience = max(others, key=lambda i: (screens[i].area, -i))
    if swap:
        return primary, audience
    return audience, primary


__all__ = ["ScreenInfo", "choose_screens"]
