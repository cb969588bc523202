#include "cli.h"
int cmd_events(int argc, char **argv) { (void)argc; (void)argv; return 1; }
