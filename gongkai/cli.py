"""`python -m gongkai.cli` and the console script: the command lives in gongkai/commands/."""
from gongkai.commands.main import main

if __name__ == "__main__":
    raise SystemExit(main())
