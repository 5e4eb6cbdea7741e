from lint.cli.main import main

raise SystemExit(main())
