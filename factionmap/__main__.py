"""`python -m factionmap`: the same command line as the installed `factionmap` script."""

from factionmap.cli import main

if __name__ == "__main__":
    main()
