"""A series of control maps over time: :meth:`ControlMap.series` returns a :class:`ControlSeries`.

It is a plain ``list`` of the snapshots sorted by date (everything that took the list still works:
indexing, unpacking, ``maps += series``), with a table and a chart of the occupied area over time:

- :meth:`ControlSeries.to_frame` -- a pandas DataFrame indexed by date: ``area_km2`` (geodesic km²),
  ``share`` (of Ukraine by default, 0-1), ``change_km2`` (since the previous snapshot), ``name``,
  ``source``;
- :meth:`ControlSeries.plot` -- occupied area (and share, on a second axis) against date;
- ``_repr_html_`` -- the table in a notebook, numbers rounded for people.
"""

from __future__ import annotations

from typing import Any

from frontmap._display import KM2_NOISE, colour, html_table, number, people_round, side_colour

__all__ = ["ControlSeries"]


class ControlSeries(list):  # type: ignore[type-arg]
    """Control maps sorted by date (oldest first): a list, with :meth:`to_frame` and :meth:`plot`."""

    def __repr__(self) -> str:
        if not self:
            return "ControlSeries([])"
        first, last = self[0], self[-1]
        return (
            f"ControlSeries({len(self)} maps, {_day(first)} .. {_day(last)}, side={first.side!r}, "
            f"area {people_round(first.area_km2()):,.0f} -> {people_round(last.area_km2()):,.0f} km²)"
        )

    def to_frame(self, of: Any = "Ukraine") -> Any:
        """A pandas DataFrame, one row per snapshot, indexed by ``date`` (a DatetimeIndex).

        Columns: ``area_km2`` (geodesic km² held), ``share`` (the fraction of ``of`` held, 0-1; ``of``
        as for :meth:`ControlMap.share_of`), ``change_km2`` (area since the previous snapshot, NaN for
        the first), ``side``, ``name``, ``source``.  Overlay noise below a square metre is 0."""
        import pandas as pd

        rows = [
            {
                "date": pd.Timestamp(cm.date) if cm.date is not None else pd.NaT,
                "area_km2": cm.area_km2(),
                "share": cm.share_of(of),
                "side": cm.side,
                "name": cm.name,
                "source": cm.source,
            }
            for cm in self
        ]
        df = pd.DataFrame(rows, columns=["date", "area_km2", "share", "side", "name", "source"])
        df = df.set_index("date")
        diff = df["area_km2"].diff()
        df.insert(2, "change_km2", diff.where(diff.abs() >= KM2_NOISE, 0.0).where(diff.notna()))
        df.attrs.update(of=of if isinstance(of, str) else getattr(of, "name", "area"))
        return df

    def plot(self, ax: Any = None, share: bool = True, of: Any = "Ukraine", **kwargs: Any) -> Any:
        """Draw the area held (thousand km², left axis) and, with ``share``, the share of ``of`` (%,
        right axis: a second scale of the same line when all the area lies inside ``of``) against
        date; returns the matplotlib Axes.

        ``ax``: an Axes to draw on (default: a new figure, 8 x 3.5 inches, from pyplot, so that it
        shows in a notebook as pandas' ``.plot()`` does); other keywords go to the area line."""
        from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

        df = self.to_frame(of)
        if ax is None:
            import matplotlib.pyplot as plt

            _, ax = plt.subplots(figsize=(8, 3.5), layout="constrained")
        side = df["side"].iloc[0] if len(df) else "occupied"
        line = kwargs.pop("color", side_colour(side))
        ax.plot(
            df.index,
            df["area_km2"] / 1000,
            marker="o",
            ms=4,
            color=line,
            label=f"area held ({side})",
            **kwargs,
        )
        ax.set_ylabel("area held, thousand km²")
        ax.grid(True, alpha=0.3)
        locator = AutoDateLocator()
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
        if share and len(df):
            _share_axis(ax, df)
        ax.set_title(f"{side.capitalize()} area over time", fontsize=10)
        return ax

    def _repr_html_(self) -> str:
        if not self:
            return "<p>ControlSeries: no maps</p>"
        df = self.to_frame()
        rows = [
            (
                day.date().isoformat() if hasattr(day, "date") else str(day),
                number(r.area_km2, "km²"),
                "" if r.change_km2 != r.change_km2 else number(r.change_km2, "km²", signed=True),
                number(r.share * 100, "%", digits=1),
                r["name"] or "",
            )
            for day, r in df.iterrows()
        ]
        caption = f"{len(self)} control maps ({self[0].side}), {_day(self[0])} to {_day(self[-1])}"
        return html_table(("date", "area", "change", f"share of {df.attrs['of']}", "name"), rows, caption)


def _share_axis(ax: Any, df: Any) -> None:
    """The share on the right: a second scale of the same line when every map lies inside the
    territory (share proportional to area), else a line of its own."""
    of = df.attrs["of"]
    ratio = (df["share"] * 100 / (df["area_km2"] / 1000)).where(df["area_km2"] > 0).dropna()
    if len(ratio) and ratio.max() - ratio.min() <= 1e-3 * ratio.max():
        k = float(ratio.mean())
        right = ax.secondary_yaxis("right", functions=(lambda a: a * k, lambda p: p / k))
        right.set_ylabel(f"share of {of}, %")
        return
    right = ax.twinx()
    right.plot(df.index, df["share"] * 100, ls="--", color=colour("credit", "text"), label=f"share of {of}")
    right.set_ylabel(f"share of {of}, %")
    lines = ax.get_lines() + right.get_lines()
    ax.legend(lines, [ln.get_label() for ln in lines], loc="best", fontsize=8)


def _day(cm: Any) -> str:
    return cm.date.isoformat() if cm.date is not None else "undated"
