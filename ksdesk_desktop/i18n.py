"""Translations. Source strings are Russian (the default UI); English comes from
``resources/translations/ksdesk_en.ts``, compiled to ``.qm`` with Qt's lrelease when it is missing
or older than the ``.ts`` (into the cache folder: generated files are never committed). Qt's own
``qtbase_<lang>`` makes standard buttons speak the same language.

The one place that knows the current language: :func:`install_translators` sets it at start, and the
labels of reference-list codes (statuses, priorities …) come from :func:`label` / :func:`labels` in it,
so no widget carries a language flag."""

from __future__ import annotations

import logging
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ksdesk_desktop.core import texts
from ksdesk_desktop.core.resources import resource
from sync import reference
from sync.reference import ListKind

if TYPE_CHECKING:  # pydantic and phonenumbers load after the first frame (quick_start)
    from sync.registry import RegistryStatus

log = logging.getLogger(__name__)
LANGUAGES = ("ru", "en")
_current = "ru"  # the interface's language: set once at start, with the translators


def set_language(lang: str) -> None:
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    _current = lang


def english() -> bool:
    """Whether list labels read from the cache (``label_en`` / ``label_ru`` columns) are English."""
    return _current == "en"


def language() -> str:
    """The interface's language now (``ru`` or ``en``)."""
    return _current


def labels(kind: ListKind) -> dict[str, str]:
    """A reference list's code → its label in the current language."""
    return reference.labels(kind, english())


def registry_status(status: RegistryStatus) -> str:
    """An organization's state in the state registry, in the current language."""
    from sync.registry import STATUS_LABELS_RU

    return texts.translate("RegistryStatus", STATUS_LABELS_RU[status])


def format_phone(number: str, extension: str = "") -> str:
    """A phone as shown everywhere (``sync.identifiers.format_phone``), its extension word translated."""
    from sync import identifiers

    return identifiers.format_phone(number, extension, texts.translate("Phone", "доб."))


def lrelease_path() -> Path | None:
    bundled = Path(PySide6.__file__).parent / "lrelease"
    for candidate in (bundled, bundled.with_suffix(".exe")):
        if candidate.exists():
            return candidate
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    return Path(found) if found else None


def compiled_translation(lang: str, cache_dir: Path) -> Path | None:
    """The ``.qm`` for ``lang``: shipped beside the ``.ts``, or compiled into ``cache_dir``."""
    ts = resource("translations", f"ksdesk_{lang}.ts")
    shipped = ts.with_suffix(".qm")
    if shipped.exists() and (not ts.exists() or shipped.stat().st_mtime >= ts.stat().st_mtime):
        return shipped
    if not ts.exists():
        return None
    target = cache_dir / "translations" / f"ksdesk_{lang}.qm"
    if target.exists() and target.stat().st_mtime >= ts.stat().st_mtime:
        return target
    tool = lrelease_path()
    if tool is None:
        log.warning("no lrelease found; %s stays untranslated", lang)
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [str(tool), "-silent", str(ts), "-qm", str(target)], capture_output=True, text=True, check=False
    )
    if result.returncode != 0 or not target.exists():
        log.warning("lrelease failed for %s: %s", ts, result.stderr.strip())
        return None
    return target


def install_translators(app: QCoreApplication, lang: str, cache_dir: Path) -> list[QTranslator]:
    """Install Qt's and our translators for ``lang``; keep the returned list alive."""
    set_language(lang)
    texts.install(QCoreApplication.translate)  # the core's and the shared rules' texts (ksdesk_desktop.core.texts)
    QLocale.setDefault(QLocale(QLocale.Language.Russian if lang == "ru" else QLocale.Language.English))
    translators: list[QTranslator] = []
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        translators.append(qt)
    if lang != "ru":  # Russian is the source language
        qm = compiled_translation(lang, cache_dir)
        ours = QTranslator(app)
        if qm is not None and ours.load(str(qm)):
            translators.append(ours)
    for translator in translators:
        app.installTranslator(translator)
    return translators
