// A value as a message may quote it: what a file, a form or a server sent is shown with
// every character a terminal would act on escaped, so that no input can clear the screen,
// hide the lines around it or reverse the text of an error (C0 and C1 controls, DEL, line
// and paragraph separators, bidirectional controls), and bytes that are not UTF-8 as \xNN.
#pragma once

#include <string>
#include <string_view>

namespace expeer {

std::string printable(std::string_view value, std::size_t max_chars = 200);

// A whole message or a text cell, for the last line of defence where it is printed (the
// error and warning printers of cmd/, tables on a terminal): the same escapes, but the line
// breaks the message means are kept, and nothing is cut. A value already passed through
// printable() is unchanged by it.
std::string printable_lines(std::string_view message);

} // namespace expeer
