from ksdesk_desktop.app import main

raise SystemExit(main())
