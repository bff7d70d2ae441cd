"""Reads behind the web UI and the HTTP API's own views: the network of meetings, the home page's
lists, the who form's suggestions, links to sentences."""
from __future__ import annotations

from .db import Store
from .read import _date_range, _in


def _page(store: Store, sql: str, params: list, order: str, limit: int, offset: int) -> tuple[list[dict], int]:
    """One page of the rows of `sql` and how many rows it has in all (counted again only when the
    page is past the end and no row carries the count)."""
    rows = store.rows(f"SELECT *, count(*) OVER () total FROM ({sql}) ORDER BY {order} LIMIT ? OFFSET ?",
                      [*params, limit, offset])
    total = rows[0]["total"] if rows else store.scalar(f"SELECT count(*) FROM ({sql})", params)
    for r in rows:
        r.pop("total")
    return rows, total



def sentence_index(store: Store, doc_id: str, text: str) -> int | None:
    """The index of a sentence given its text (role evidence names its sentence by text)."""
    return store.scalar("SELECT idx FROM sentences WHERE doc_id = ? AND text = ? ORDER BY idx LIMIT 1",
                        (doc_id, text))


def actors_by_id(store: Store, ids: list[int]) -> list[dict]:
    out: list[dict] = []
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        out += store.rows(f"SELECT actor_id, name, kind, country FROM actors WHERE actor_id IN ({_in(chunk)})", chunk)
    return out


def meetings(store: Store, types: list[str], since: str | None, until: str | None, kinds: list[str],
             limit: int, offset: int = 0) -> tuple[list[dict], int]:
    """Pairs of actors taking part in the same events of these types, most shared events first;
    and how many pairs there are."""
    where, params = [f"e.type IN ({_in(types)})", f"ax.kind IN ({_in(kinds)})", f"ay.kind IN ({_in(kinds)})"], \
        [*types, *kinds, *kinds]
    _date_range(where, params, since, until)
    pairs = ("SELECT x.actor_id a, y.actor_id b, count(DISTINCT e.event_id) n, min(e.date) first, max(e.date) last"
             " FROM events e JOIN event_actors x ON x.event_id = e.event_id"
             " JOIN event_actors y ON y.event_id = e.event_id AND x.actor_id < y.actor_id"
             " JOIN actors ax ON ax.actor_id = x.actor_id JOIN actors ay ON ay.actor_id = y.actor_id"
             f" WHERE {' AND '.join(where)} GROUP BY x.actor_id, y.actor_id")
    return _page(store, pairs, params, "n DESC, last DESC, a, b", limit, offset)


def top_actors(store: Store, kind: str, limit: int) -> list[dict]:
    """The most mentioned actors of a kind (alias counts are mention counts, and far fewer rows)."""
    return store.rows("SELECT a.actor_id, a.name, a.kind, a.country, sum(s.count) n FROM aliases s"
                      " JOIN actors a ON a.actor_id = s.actor_id WHERE a.kind = ?"
                      " GROUP BY a.actor_id ORDER BY n DESC LIMIT ?", (kind, limit))


def latest_documents(store: Store, limit: int) -> list[dict]:
    return store.rows("SELECT doc_id, source, title, published, outlet FROM documents"
                      " ORDER BY published DESC, doc_id LIMIT ?", (limit,))


def post_titles(store: Store, limit: int) -> list[dict]:
    """Posts with a known holder, the most observed first (suggestions for the who form)."""
    return store.rows("SELECT min(title) title, country, count(*) n FROM roles GROUP BY title_key, country"
                      " ORDER BY n DESC LIMIT ?", (limit,))
