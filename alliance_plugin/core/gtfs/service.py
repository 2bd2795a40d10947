"""Which services run on a day: ``calendar.txt`` then the exceptions of ``calendar_dates.txt``.

Source: the GTFS Schedule reference, https://gtfs.org/schedule/reference/#calendartxt and
#calendar_datestxt. A service runs on a day when ``calendar`` says so for that weekday within
``start_date``-``end_date``, unless ``calendar_dates`` removes it (``exception_type`` 2); a
``calendar_dates`` row with ``exception_type`` 1 adds it, even for a service in no ``calendar``
row (a feed with only ``calendar_dates`` works). Without a date, the day counted is the feed's
date of the chosen weekday on which the most services run (the earliest of ties).
"""

from __future__ import annotations

import datetime as _dt

from ..errors import EmptyInputError, InvalidValueError
from .spec import WEEKDAYS, dates, need


def calendars(gtfs):
    """The ``calendar`` and ``calendar_dates`` tables with their dates parsed once (None when absent)."""
    calendar = gtfs.get("calendar")
    if calendar is not None and len(calendar):
        need(calendar, "calendar", ["service_id", "start_date", "end_date"])
        calendar = calendar.assign(start=dates(calendar["start_date"]), stop=dates(calendar["end_date"]))
    else:
        calendar = None
    exceptions = gtfs.get("calendar_dates")
    if exceptions is not None and len(exceptions):
        need(exceptions, "calendar_dates", ["service_id", "date", "exception_type"])
        exceptions = exceptions.assign(day=dates(exceptions["date"]),
                                       kind=exceptions["exception_type"].str.strip())
    else:
        exceptions = None
    return calendar, exceptions


def active_services(tables, day):
    """The set of service ids running on ``day``, from the pair returned by :func:`calendars`."""
    calendar, exceptions = tables
    active = set()
    if calendar is not None:
        weekday = WEEKDAYS[day.weekday()]
        need(calendar, "calendar", [weekday])
        runs = (calendar[weekday].str.strip() == "1") & (calendar["start"] <= day) & (calendar["stop"] >= day)
        active = set(calendar.loc[runs, "service_id"])
    if exceptions is not None:
        today = exceptions[exceptions["day"] == day]
        active |= set(today.loc[today["kind"] == "1", "service_id"])
        active -= set(today.loc[today["kind"] == "2", "service_id"])
    return active


def feed_days(tables, weekday):
    """Every date of ``weekday`` between the feed's first and last dates."""
    calendar, exceptions = tables
    bounds = []
    if calendar is not None:
        bounds += list(calendar["start"].dropna()) + list(calendar["stop"].dropna())
    if exceptions is not None:
        bounds += list(exceptions["day"].dropna())
    if not bounds:
        return []
    first, last = min(bounds), max(bounds)
    first += _dt.timedelta(days=(WEEKDAYS.index(weekday) - first.weekday()) % 7)
    return [first + _dt.timedelta(days=7 * k) for k in range((last - first).days // 7 + 1)]


def choose_day(tables, weekday, date):
    """``date`` as a :class:`datetime.date`, or the feed's ``weekday`` with the most services.

    Examples
    --------
    >>> choose_day((None, None), "monday", "2026-01-05"), choose_day((None, None), "monday", "20260105")
    (datetime.date(2026, 1, 5), datetime.date(2026, 1, 5))
    """
    if date is not None:
        if isinstance(date, str):
            try:
                date = _dt.date.fromisoformat(date.replace("/", "-")) if "-" in date or "/" in date \
                    else _dt.datetime.strptime(date, "%Y%m%d").date()
            except ValueError:
                raise InvalidValueError("expected a date as YYYY-MM-DD, got {date!r}", date=date) from None
        elif isinstance(date, _dt.datetime):
            date = date.date()
        return date
    weekday = str(weekday).strip().lower()
    if weekday not in WEEKDAYS:
        raise InvalidValueError("expected a weekday among {weekdays}, got {weekday!r}",
                                weekdays=', '.join(WEEKDAYS), weekday=weekday)
    best, best_count = None, 0
    for day in feed_days(tables, weekday):
        count = len(active_services(tables, day))
        if count > best_count:
            best, best_count = day, count
    if best is None:
        raise EmptyInputError("expected services running on a {weekday} in calendar.txt or calendar_dates.txt; "
                              "none runs on any of the feed's dates", weekday=weekday)
    return best
