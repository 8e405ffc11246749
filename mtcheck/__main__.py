from mtcheck.cli import main

raise SystemExit(main())
