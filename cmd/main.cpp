// expeer's entry point: everything else is in the library and the command table.
#include "commands.hpp"

#include <unistd.h>

#include <clocale>
#include <csignal>
#include <iostream>

int main(int argc, char** argv, char** envp) {
    // expeer reads and writes UTF-8 whatever the caller's locale; libarchive converts names
    // through LC_CTYPE, and "C" cannot hold "é".
    if (!std::setlocale(LC_CTYPE, "C.UTF-8")) std::setlocale(LC_CTYPE, "");
    // Over a file size limit (ulimit -f), a write fails with EFBIG like on a full disk, and the
    // half-written file is removed; the default action would kill expeer and leave it.
    std::signal(SIGXFSZ, SIG_IGN);
    expeer::cli::Context context(expeer::Environment::from_process(envp), std::cout, std::cerr,
                                 ::isatty(STDOUT_FILENO) == 1, ::isatty(STDERR_FILENO) == 1);
    return expeer::cli::run(argc, argv, context);
}
