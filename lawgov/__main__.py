from lawgov.cli import main

main()
