#include "core/fix/write.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace irtcp::fix {
namespace {

namespace fs = std::filesystem;

class FixWrite : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("irtcp-fixwrite-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  static void Put(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
  }
  static std::string Get(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  std::size_t EntryCount() const {
    return static_cast<std::size_t>(
        std::distance(fs::directory_iterator(dir_), fs::directory_iterator()));
  }

  fs::path dir_;
};

TEST_F(FixWrite, ReplacesContentAndKeepsMode) {
  fs::path f = dir_ / "a.yaml";
  Put(f, "old\r\n");
  ASSERT_EQ(chmod(f.c_str(), 0640), 0);
  std::string err;
  ASSERT_TRUE(WriteFileAtomically(f.string(), "old\r\n", "new\r\n", &err)) << err;
  EXPECT_EQ(Get(f), "new\r\n");
  struct stat st {};
  ASSERT_EQ(stat(f.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0640U);
  EXPECT_EQ(EntryCount(), 1U) << "no temporary file left behind";
}

TEST_F(FixWrite, ExecutableModeKept) {
  fs::path f = dir_ / "x.yaml";
  Put(f, "a");
  ASSERT_EQ(chmod(f.c_str(), 0755), 0);
  std::string err;
  ASSERT_TRUE(WriteFileAtomically(f.string(), "a", "b", &err)) << err;
  struct stat st {};
  ASSERT_EQ(stat(f.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0755U);
}

TEST_F(FixWrite, WritesThroughSymlinkAndKeepsLink) {
  fs::create_directories(dir_ / "real");
  fs::path target = dir_ / "real" / "t.yaml";
  Put(target, "old\n");
  fs::path link = dir_ / "link.yaml";
  fs::create_symlink(fs::path("real") / "t.yaml", link);
  fs::path link2 = dir_ / "link2.yaml";  // a chain of links
  fs::create_symlink("link.yaml", link2);
  std::string err;
  ASSERT_TRUE(WriteFileAtomically(link2.string(), "old\n", "new\n", &err)) << err;
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_TRUE(fs::is_symlink(link2));
  EXPECT_EQ(fs::read_symlink(link), fs::path("real") / "t.yaml");
  EXPECT_EQ(Get(target), "new\n");
  EXPECT_EQ(Get(link2), "new\n");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_ / "real"), fs::directory_iterator()), 1);
}

TEST_F(FixWrite, RefusesFileChangedOnDisk) {
  fs::path f = dir_ / "a.yaml";
  Put(f, "edited by someone\n");
  std::string err;
  EXPECT_FALSE(WriteFileAtomically(f.string(), "as read\n", "fixed\n", &err));
  EXPECT_EQ(err, "file changed on disk since it was read; not written");
  EXPECT_EQ(Get(f), "edited by someone\n");
  EXPECT_EQ(EntryCount(), 1U);
}

TEST_F(FixWrite, RefusesSameSizeChange) {
  fs::path f = dir_ / "a.yaml";
  Put(f, "abc\n");
  std::string err;
  EXPECT_FALSE(WriteFileAtomically(f.string(), "abd\n", "xyz\n", &err));
  EXPECT_EQ(err, kChangedOnDisk);
  EXPECT_EQ(Get(f), "abc\n");
}

TEST_F(FixWrite, MissingFileIsAnError) {
  std::string err;
  EXPECT_FALSE(WriteFileAtomically((dir_ / "gone.yaml").string(), "a", "b", &err));
  EXPECT_NE(err.find("No such file"), std::string::npos) << err;
}

}  // namespace
}  // namespace irtcp::fix
