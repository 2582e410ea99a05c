// expeer's entry point: everything else is in the library and the command table.
#include "commands.hpp"

#include <malloc.h>
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
    // Large buffers (a page of the platform's answers is half a megabyte) go back to the
    // system when freed. glibc would raise this threshold after the first such free and serve
    // them from its per-thread arenas, which keep what is freed: a pull of 1,000,000 events,
    // reading on several threads, peaked at 164 MB instead of 97.
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    expeer::cli::Context context(expeer::Environment::from_process(envp), std::cout, std::cerr,
                                 ::isatty(STDOUT_FILENO) == 1, ::isatty(STDERR_FILENO) == 1);
    return expeer::cli::run(argc, argv, context);
}
