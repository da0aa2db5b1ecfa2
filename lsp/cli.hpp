// The command line (`check`, `rules`, `explain`, `dump`); see cli.cpp.
#pragma once
namespace cvlint {
int runCli(int argc, char** argv);
}  // namespace cvlint
