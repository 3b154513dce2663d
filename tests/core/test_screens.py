"""Screen selection for presenting: slides on the projector, presenter view on the laptop."""

from __future__ import annotations

import pytest

from nap_desktop.core.screens import ScreenInfo, choose_screens

LAPTOP = ScreenInfo("eDP-1", 0, 0, 1920, 1200)
PROJECTOR = ScreenInfo("HDMI-1", 1920, 0, 1280, 720)
TV = ScreenInfo("DP-2", 3200, 0, 3840, 2160)


def test_one_screen_has_no_presenter_view():
    assert choose_screens([LAPTOP], primary_index=0) == (0, None)
    # Swapping with nothing to swap with changes nothing.
    assert choose_screens([LAPTOP], primary_index=0, swap=True) == (0, None)


def test_laptop_and_projector_slides_go_to_the_projector():
    assert choose_screens([LAPTOP, PROJECTOR], primary_index=0) == (1, 0)


def test_projector_listed_first_still_gets_the_slides():
    # The operating system may list the external screen first; the laptop is the primary one.
    assert choose_screens([PROJECTOR, LAPTOP], primary_index=1) == (0, 1)


def test_smaller_projector_than_laptop_still_gets_the_slides():
    small = ScreenInfo("VGA-1", 1920, 0, 1024, 768)
    assert choose_screens([LAPTOP, small], primary_index=0) == (1, 0)


def test_swap_puts_the_presenter_view_on_the_other_screen():
    assert choose_screens([LAPTOP, PROJECTOR], primary_index=0, swap=True) == (0, 1)
    assert choose_screens([PROJECTOR, LAPTOP], primary_index=1, swap=True) == (1, 0)


def test_three_screens_slides_go_to_the_largest_external_one():
    assert choose_screens([LAPTOP, PROJECTOR, TV], primary_index=0) == (2, 0)
    assert choose_screens([TV, LAPTOP, PROJECTOR], primary_index=1) == (0, 1)
    assert choose_screens([LAPTOP, PROJECTOR, TV], primary_index=0, swap=True) == (0, 2)


def test_equal_external_screens_pick_the_first_listed():
    twin_a = ScreenInfo("DP-1", 1920, 0, 1920, 1080)
    twin_b = ScreenInfo("DP-2", 3840, 0, 1920, 1080)
    assert choose_screens([LAPTOP, twin_a, twin_b], primary_index=0) == (1, 0)


def test_primary_index_out_of_range_counts_as_first_screen():
    assert choose_screens([LAPTOP, PROJECTOR], primary_index=-1) == (1, 0)
    assert choose_screens([LAPTOP, PROJECTOR], primary_index=7) == (1, 0)


def test_no_screen_is_an_error():
    with pytest.raises(ValueError):
        choose_screens([], primary_index=0)
