#include "core/util/fd_io.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>

namespace irtcp::util {
namespace {

// A pipe holding `text` with its write end closed.
int PipeWith(const std::string& text) {
  int fds[2];
  EXPECT_EQ(pipe(fds), 0);
  EXPECT_TRUE(WriteFd(fds[1], text));
  close(fds[1]);
  return fds[0];
}

TEST(UtilFdIo, ReadFd) {
  struct Case {
    std::string text;
    std::uint64_t max;
    std::string want;
    bool too_large;
  };
  const Case cases[] = {
      {"", 10, "", false},
      {"hello", 10, "hello", false},
      {"hello", 5, "hello", false},
      {"hello", 4, "", true},  // stops before the chunk that would pass the limit
  };
  for (const Case& c : cases) {
    int fd = PipeWith(c.text);
    std::string out;
    bool too_large = !c.too_large;
    EXPECT_TRUE(ReadFd(fd, &out, c.max, &too_large));
    close(fd);
    EXPECT_EQ(out, c.want);
    EXPECT_EQ(too_large, c.too_large);
  }
}

TEST(UtilFdIo, ReadFdAppendsWithoutLimit) {
  std::string big(200000, 'x');  // more than one read chunk
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    close(fds[0]);
    _exit(WriteFd(fds[1], big) ? 0 : 1);
  }
  close(fds[1]);
  std::string out = "prefix";
  EXPECT_TRUE(ReadFd(fds[0], &out));
  close(fds[0]);
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  EXPECT_EQ(status, 0);
  EXPECT_EQ(out, "prefix" + big);
}

TEST(UtilFdIo, ErrorsOnBadDescriptors) {
  std::string out;
  EXPECT_FALSE(ReadFd(-1, &out));
  EXPECT_FALSE(WriteFd(-1, "x"));
  EXPECT_TRUE(WriteFd(-1, ""));  // nothing to write
}

}  // namespace
}  // namespace irtcp::util
