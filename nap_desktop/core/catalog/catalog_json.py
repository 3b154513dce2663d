"""The catalog as the JSON that `nap-desktop catalog --json` prints (the stable contract in DESIGN.md)."""

from __future__ import annotations

from typing import Any

from nap_desktop import __version__
from nap_desktop.core.formatting import format_value
from nap_desktop.core.catalog.model import Catalog
from nap_desktop.core.catalog.unavailable import unavailable_charts


def catalog_to_json(catalog: Catalog, *, lang: str | None = None) -> dict[str, Any]:
    facts = []
    for fact in catalog.facts:
        entry: dict[str, Any] = {
            "id": fact.id,
            "section": fact.section,
            "topic": fact.topic,
            "countries": list(fact.countries),
            "value": fact.value,
            "value_max": fact.value_max,
            "qualifier": fact.qualifier,
            "unit": fact.unit,
            "period": fact.period,
            "title_en": fact.title("en"),
            "title_es": fact.title("es"),
            "text_en": fact.text_en,
            "text_es": fact.text_es,
            "note_en": fact.note_en,
            "note_es": fact.note_es,
            "sources": [catalog.sources[s].to_json() for s in fact.sources if s in catalog.sources],
            "chart": fact.chart,
            "origin": fact.origin,
        }
        for code in ("en", "es"):
            if lang in (None, code):
                entry[f"headline_{code}"] = format_value(
                    fact.value, fact.unit, code, decimals=fact.decimals, qualifier=fact.qualifier,
                    value_max=fact.value_max)
        # what the app shows in each language asked for (an untranslated user fact shows its English text)
        entry["resolved"] = {code: {"title": fact.title(code), "text": fact.text(code),
                                    "headline": entry[f"headline_{code}"]}
                             for code in (("en", "es") if lang is None else (lang,))}
        if lang:
            entry["title"] = fact.title(lang)
            entry["text"] = fact.text(lang)
            entry["headline"] = entry[f"headline_{lang}"]
        facts.append(entry)
    return {
        "version": catalog.version,
        "app_version": __version__,
        "lang": lang or "both",  # the language asked for, or "both": every text in English and in Spanish
        "sections": [
            {"id": s.id, "title_en": s.title_en, "title_es": s.title_es, "color": s.color,
             "facts": len(catalog.facts_in(s.id))}
            for s in catalog.sections
        ],
        "facts": facts,
        "charts": [spec.to_json() for spec in catalog.charts.values()],
        "unavailable_charts": [dict(u) for u in unavailable_charts(catalog)],
        "datasets": [
            {
                "id": d.id,
                "title_en": d.title_en,
                "title_es": d.title_es,
                "unit": d.unit,
                "frequency": d.frequency,
                "source": catalog.sources[d.source].to_json() if d.source in catalog.sources else None,
                "status": d.status,
                "notes_en": d.notes_en,
                "notes_es": d.notes_es,
                "origin": d.origin,
                "rows": [
                    {**r.to_json(), "source": catalog.sources[r.source].to_json()
                     if r.source in catalog.sources else r.source}
                    for r in d.rows
                ],
            }
            for d in catalog.datasets.values()
        ],
        "sources": [s.to_json() for s in catalog.sources.values()],
    }
