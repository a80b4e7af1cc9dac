"""The page's files, built once at start: content-hashed names (cached forever), gzipped.

A script's name carries the hash of its content, and the scripts that import it are rewritten
to that name first, so one changed file renames every file that reaches it: a browser never
mixes a new script with an old one, and nothing needs revalidating until the next deploy.
"""

import gzip
import hashlib
import mimetypes
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Final

from aiohttp import hdrs, web

from web.compression import accepts_gzip

STATIC_DIR: Final = Path(__file__).resolve().parent / "static"
SERVED_SUFFIXES: Final = frozenset({".js", ".css", ".svg"})
# Other files as a script imports them ("./api.js") or the page links them ("/static/app.css").
_SCRIPT_REFERENCE: Final = re.compile(r'(?<=")\./([\w-]+\.(?:js|css|svg))(?=")')
_PAGE_REFERENCE: Final = re.compile(r'(?<=")/static/([\w-]+\.(?:js|css|svg))(?=")')
HASH_CHARS: Final = 10
IMMUTABLE: Final = "public, max-age=31536000, immutable"
REVALIDATE: Final = "no-cache"


@dataclass(frozen=True, slots=True)
class Asset:
    """One file as served: its bytes, their gzip form (if smaller) and validators."""

    body: bytes
    gzipped: bytes | None
    content_type: str
    etag: str

    @classmethod
    def of(cls, body: bytes, content_type: str) -> "Asset":
        """Compress once at start: level 9 costs once, its saved bytes count on every load."""
        packed = gzip.compress(body, compresslevel=9, mtime=0)
        digest = hashlib.sha256(body).hexdigest()[:HASH_CHARS]
        return cls(body, packed if len(packed) < len(body) else None, content_type, f'"{digest}"')

    def respond(self, request: web.Request, cache_control: str) -> web.Response:
        """The file, gzipped when the client accepts it; 304 when its copy is current."""
        headers = {
            hdrs.CACHE_CONTROL: cache_control,
            hdrs.ETAG: self.etag,
            hdrs.VARY: hdrs.ACCEPT_ENCODING,
        }
        if self.etag in request.headers.get(hdrs.IF_NONE_MATCH, ""):
            return web.Response(status=304, headers=headers)
        body = self.body
        if self.gzipped is not None and accepts_gzip(request):
            body = self.gzipped
            headers[hdrs.CONTENT_ENCODING] = "gzip"
        return web.Response(
            body=body, content_type=self.content_type, charset="utf-8", headers=headers
        )


@dataclass(frozen=True, slots=True)
class Assets:
    """Every file by its hashed name, the plain name of each, and the page that links them."""

    hashed: Mapping[str, Asset]
    plain: Mapping[str, Asset]
    names: Mapping[str, str]
    index: Asset

    @property
    def total_bytes(self) -> tuple[int, int]:
        """The page and all its files: raw bytes and bytes on the wire with gzip."""
        files = [self.index, *self.hashed.values()]
        raw = sum(len(asset.body) for asset in files)
        wire = sum(len(asset.gzipped or asset.body) for asset in files)
        return raw, wire


def _content_type(path: Path) -> str:
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"


def build_assets(static_dir: Path = STATIC_DIR) -> Assets:
    """Read, rewrite, hash and compress the page's files."""
    paths = {p.name: p for p in sorted(static_dir.iterdir()) if p.suffix in SERVED_SUFFIXES}
    names: dict[str, str] = {}
    bodies: dict[str, bytes] = {}

    def resolve(name: str, seen: tuple[str, ...] = ()) -> str:
        if name in names:
            return names[name]
        if name in seen:
            raise ValueError(f"import cycle through {name}")
        path = paths[name]
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".js":
            text = _SCRIPT_REFERENCE.sub(
                lambda found: f"./{resolve(found[1], (*seen, name))}", text
            )
        body = text.encode()
        digest = hashlib.sha256(body).hexdigest()[:HASH_CHARS]
        names[name] = f"{path.stem}.{digest}{path.suffix}"
        bodies[name] = body
        return names[name]

    for name in paths:
        resolve(name)
    built = {name: Asset.of(bodies[name], _content_type(paths[name])) for name in paths}
    page = (static_dir / "index.html").read_text(encoding="utf-8")
    page = _PAGE_REFERENCE.sub(lambda found: f"/static/{names[found[1]]}", page)
    return Assets(
        hashed=MappingProxyType({names[name]: asset for name, asset in built.items()}),
        plain=MappingProxyType(built),
        names=MappingProxyType(names),
        index=Asset.of(page.encode(), "text/html"),
    )
