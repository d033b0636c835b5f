"""The `gongkai` command: one module per group of subcommands, at the edge of the library.

Commands build one `Settings` and one `Proposer` and call the library; the library never imports them."""
