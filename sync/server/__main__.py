"""``python -m sync.server`` — the same as ``ksdesk-server``; the client launches the embedded
server this way so that it also works in the packaged build, where no script is on PATH."""

from sync.server.cli import main

raise SystemExit(main())
