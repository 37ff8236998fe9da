"""Exit codes, the CI contract: 0 gate passed, 1 gate failed, 2 bad input or usage."""

EXIT_OK = 0
EXIT_GATE_FAILED = 1
EXIT_BAD_INPUT = 2
