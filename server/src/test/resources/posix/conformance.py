"""POSIX behaviour of a mounted file system, as one line per check: "name: result".

Run in an empty directory of the mount. A result never holds an absolute time, inode number or size that depends
on the file system's block size, so two servers that behave alike print the same lines. Times are compared before
and after each operation (with a pause so that a changed time cannot round to the same value).
"""
import errno
import os
import stat
import sys
import time

PAUSE = 0.05


def err(fn, *args):
    try:
        fn(*args)
        return "ok"
    except OSError as e:
        return errno.errorcode.get(e.errno, str(e.errno))


def times(path):
    st = os.lstat(path)
    return st.st_mtime_ns, st.st_ctime_ns


def delta(before, after):
    """Which of mtime and ctime an operation changed."""
    names = ("mtime", "ctime")
    changed = [n for n, b, a in zip(names, before, after) if a != b]
    return "+".join(changed) if changed else "none"


def watch(paths, op):
    """Runs op and says, for each path, which of its times changed. A path may be a pair (name before, name after)
    for an operation that renames it."""
    pairs = [p if isinstance(p, tuple) else (p, p) for p in paths]
    before = [times(b) for b, _ in pairs]
    time.sleep(PAUSE)
    result = op()
    time.sleep(PAUSE)
    after = [times(a) for _, a in pairs]
    return ", ".join([str(result)] + [f"{os.path.basename(a)} {delta(b, x)}"
                                      for (_, a), b, x in zip(pairs, before, after)])


def kind(path):
    m = os.lstat(path).st_mode
    for name, test in (("file", stat.S_ISREG), ("dir", stat.S_ISDIR), ("symlink", stat.S_ISLNK),
                       ("fifo", stat.S_ISFIFO), ("socket", stat.S_ISSOCK), ("chr", stat.S_ISCHR),
                       ("blk", stat.S_ISBLK)):
        if test(m):
            return name
    return "?"


def describe(path):
    st = os.lstat(path)
    size = st.st_size if not stat.S_ISDIR(st.st_mode) else "-"
    return f"{kind(path)} mode={oct(stat.S_IMODE(st.st_mode))} nlink={st.st_nlink} uid={st.st_uid} gid={st.st_gid} size={size}"


def write(path, data, flags=os.O_WRONLY | os.O_APPEND):
    fd = os.open(path, flags)
    try:
        os.write(fd, data)
    finally:
        os.close(fd)
    return "ok"


def touch(path):
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o644))
    return "ok"


def as_user(uid, gid, fn, *args, groups=()):
    """Runs fn as another user (with these supplementary groups) in a child process; returns its errno name or ok."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        os.setgroups(list(groups))
        os.setgid(gid)
        os.setuid(uid)
        os.write(w, err(fn, *args).encode())
        os._exit(0)
    os.close(w)
    os.waitpid(pid, 0)
    with os.fdopen(r) as f:
        return f.read()


CHECKS = []


def check(fn):
    CHECKS.append(fn)
    return fn


@check
def mkdir_new():
    return err(os.mkdir, "d", 0o755) + ", " + describe("d")


@check
def mkdir_times_parent():
    return watch(["d"], lambda: err(os.mkdir, "d/sub", 0o755))


@check
def dir_nlink_counts_subdirs():
    os.mkdir("d/sub2")
    return describe("d")


@check
def create_file():
    r = watch(["d"], lambda: touch("d/f"))
    return r + ", " + describe("d/f")


@check
def create_exclusive_existing():
    return err(os.open, "d/f", os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)


@check
def write_times():
    return watch(["d/f", "d"], lambda: write("d/f", b"hello")) + ", size=" + str(os.stat("d/f").st_size)


@check
def chmod_times():
    return watch(["d/f"], lambda: err(os.chmod, "d/f", 0o600)) + ", " + describe("d/f")


@check
def chown_times():
    return watch(["d/f"], lambda: err(os.chown, "d/f", 1000, 1001)) + ", " + describe("d/f")


@check
def chown_keeps_owner_when_minus_one():
    return err(os.chown, "d/f", -1, 1002) + ", " + describe("d/f")


@check
def chmod_setuid_bits():
    r = err(os.chmod, "d/f", 0o4755)
    mode = oct(stat.S_IMODE(os.stat("d/f").st_mode))
    os.chmod("d/f", 0o644)
    return f"{r} {mode}"


@check
def link_times():
    return watch(["d/f", "d"], lambda: err(os.link, "d/f", "d/g")) + ", " + describe("d/f")


@check
def unlink_one_of_two_names():
    return watch(["d/f", "d"], lambda: err(os.unlink, "d/g")) + ", " + describe("d/f")


@check
def rename_same_dir():
    return watch([("d/f", "d/h"), "d"], lambda: err(os.rename, "d/f", "d/h"))


@check
def rename_across_dirs():
    return watch([("d/h", "d/sub/h"), "d", "d/sub"], lambda: err(os.rename, "d/h", "d/sub/h"))


@check
def rename_over_existing_file():
    touch("d/sub/other")
    r = err(os.rename, "d/sub/h", "d/sub/other")
    return r + ", " + str(sorted(os.listdir("d/sub")))


@check
def rename_file_over_dir():
    return err(os.rename, "d/sub/other", "d/sub2")


@check
def rename_dir_over_file():
    return err(os.rename, "d/sub2", "d/sub/other")


@check
def rename_dir_over_nonempty_dir():
    os.mkdir("d/full")
    touch("d/full/x")
    return err(os.rename, "d/sub2", "d/full")


@check
def rename_dir_over_empty_dir():
    os.mkdir("d/empty")
    r = watch(["d"], lambda: err(os.rename, "d/sub2", "d/empty"))
    return r + ", " + str(sorted(os.listdir("d")))


@check
def rename_dir_into_itself():
    os.mkdir("d/empty/inner")
    return err(os.rename, "d/empty", "d/empty/inner/x")


@check
def rename_dir_times():
    return watch([("d/empty", "d/full/moved"), "d", "d/full"], lambda: err(os.rename, "d/empty", "d/full/moved"))


@check
def truncate_grow():
    return watch(["d/sub/other"], lambda: err(os.truncate, "d/sub/other", 100)) + ", size=" + str(
        os.stat("d/sub/other").st_size)


@check
def truncate_same_size():
    return watch(["d/sub/other"], lambda: err(os.truncate, "d/sub/other", 100))


@check
def truncate_shrink_reads_zero_tail():
    write("d/sub/other", b"x" * 10, os.O_WRONLY)
    os.truncate("d/sub/other", 4)
    os.truncate("d/sub/other", 8)
    with open("d/sub/other", "rb") as f:
        return f.read().hex()


@check
def utimes_explicit():
    def op():
        os.utime("d/sub/other", ns=(981173106_000000000, 981173106_123456789))
        return "ok"
    r = watch(["d/sub/other"], op)
    st = os.stat("d/sub/other")
    return f"{r}, atime={st.st_atime_ns} mtime={st.st_mtime_ns}"


@check
def utimes_now():
    r = watch(["d/sub/other"], lambda: err(os.utime, "d/sub/other", None))
    return r + ", recent=" + str(abs(os.stat("d/sub/other").st_mtime - time.time()) < 60)


@check
def symlink_new():
    r = watch(["d"], lambda: err(os.symlink, "target/of/link", "d/l"))
    return f"{r}, {describe('d/l')}, readlink={os.readlink('d/l')}"


@check
def symlink_dangling_stat():
    return err(os.stat, "d/l")


@check
def symlink_loop():
    os.symlink("loop2", "d/loop1")
    os.symlink("loop1", "d/loop2")
    return err(os.open, "d/loop1", os.O_RDONLY)


@check
def open_nofollow_symlink():
    return err(os.open, "d/l", os.O_RDONLY | os.O_NOFOLLOW)


@check
def mkfifo():
    r = watch(["d"], lambda: err(os.mkfifo, "d/p", 0o644))
    return r + (", " + describe("d/p") if os.path.lexists("d/p") else "")


@check
def mknod_char_device():
    r = err(os.mknod, "d/c", 0o644 | stat.S_IFCHR, os.makedev(1, 3))
    return r + (", " + describe("d/c") + f" rdev={os.major(os.lstat('d/c').st_rdev)},{os.minor(os.lstat('d/c').st_rdev)}"
                if os.path.lexists("d/c") else "")


@check
def mknod_socket():
    r = err(os.mknod, "d/s", 0o644 | stat.S_IFSOCK)
    return r + (", " + describe("d/s") if os.path.lexists("d/s") else "")


@check
def mkdir_existing():
    return err(os.mkdir, "d/sub")


@check
def rmdir_nonempty():
    return err(os.rmdir, "d/full")


@check
def rmdir_file():
    return err(os.rmdir, "d/sub/other")


@check
def unlink_dir():
    return err(os.unlink, "d/sub")


@check
def link_dir():
    return err(os.link, "d/sub", "d/sub-link")


@check
def name_255_bytes():
    return err(touch, "d/" + "n" * 255)


@check
def name_256_bytes():
    return err(touch, "d/" + "n" * 256)


@check
def lookup_through_file():
    return err(os.stat, "d/sub/other/x")


@check
def create_in_file():
    return err(touch, "d/sub/other/x")


@check
def rmdir_dot():
    return err(os.rmdir, "d/sub/.")


@check
def readdir_lists_all_kinds():
    return str(sorted((e.name, "dir" if e.is_dir(follow_symlinks=False) else "symlink" if e.is_symlink()
                       else "file" if e.is_file(follow_symlinks=False) else "other") for e in os.scandir("d")
                      if not e.name.startswith("n")))


@check
def unlink_times():
    touch("d/gone")
    return watch(["d"], lambda: err(os.unlink, "d/gone"))


@check
def rmdir_times():
    os.mkdir("d/gonedir")
    return watch(["d"], lambda: err(os.rmdir, "d/gonedir"))


@check
def other_user_write_denied():
    touch("d/private")
    os.chmod("d/private", 0o644)
    return as_user(1000, 1000, lambda: write("d/private", b"x"))


@check
def other_user_create_in_root_dir_denied():
    return as_user(1000, 1000, lambda: touch("d/by-user"))


@check
def sticky_dir_other_user_unlink():
    os.mkdir("d/tmp")
    os.chmod("d/tmp", 0o1777)
    touch("d/tmp/roots")
    return as_user(1000, 1000, lambda: os.unlink("d/tmp/roots"))


@check
def owner_chmod_by_other_user():
    return as_user(1000, 1000, lambda: os.chmod("d/private", 0o777))


@check
def sparse_read():
    fd = os.open("d/sparse", os.O_CREAT | os.O_RDWR, 0o644)
    os.pwrite(fd, b"end", 1 << 20)
    os.close(fd)
    with open("d/sparse", "rb") as f:
        data = f.read()
    return f"size={len(data)} zeros={data[:-3].count(0)} tail={data[-3:]}"


@check
def append_after_reopen():
    write("d/sparse", b"!!")
    with open("d/sparse", "rb") as f:
        f.seek(-5, 2)
        return f.read().decode()


@check
def setgid_dir_gives_its_group():
    os.mkdir("d/sg")
    os.chown("d/sg", 0, 1234)
    os.chmod("d/sg", 0o2775)
    touch("d/sg/f")
    os.mkdir("d/sg/sub", 0o755)
    return describe("d/sg/f") + "; " + describe("d/sg/sub")


@check
def group_member_writes_group_writable_file():
    touch("d/shared")
    os.chown("d/shared", 0, 1234)
    os.chmod("d/shared", 0o664)
    return (as_user(1000, 1000, lambda: write("d/shared", b"m"), groups=[1234]) + " "
            + as_user(1001, 1001, lambda: write("d/shared", b"n")))


@check
def access_by_group_member():
    touch("d/tool")
    os.chown("d/tool", 0, 1234)
    os.chmod("d/tool", 0o750)
    return " ".join(as_user(1000, 1000, lambda m=m: None if os.access("d/tool", m) else (_ for _ in ()).throw(
        PermissionError(errno.EACCES, "no")), groups=[1234]) for m in (os.R_OK, os.W_OK, os.X_OK))


@check
def chown_by_non_root():
    touch("d/mine")
    os.chown("d/mine", 1000, 1000)
    return (as_user(1000, 1000, lambda: os.chown("d/mine", 1001, -1)) + " "
            + as_user(1000, 1000, lambda: os.chown("d/mine", -1, 1234), groups=[1234]) + " "
            + as_user(1000, 1000, lambda: os.chown("d/mine", -1, 1235), groups=[1234]) + ", " + describe("d/mine"))


@check
def chown_minus_one_times():
    return watch(["d/mine"], lambda: err(os.chown, "d/mine", -1, -1))


@check
def write_by_other_clears_setuid():
    touch("d/suid")
    os.chmod("d/suid", 0o6777)
    r = as_user(1000, 1000, lambda: write("d/suid", b"x"))
    return r + " " + oct(stat.S_IMODE(os.stat("d/suid").st_mode))


@check
def write_by_root_keeps_setuid():
    touch("d/suid-root")
    os.chmod("d/suid-root", 0o6755)
    write("d/suid-root", b"x")
    return oct(stat.S_IMODE(os.stat("d/suid-root").st_mode))


@check
def chown_clears_setuid():
    touch("d/suid-chown")
    os.chmod("d/suid-chown", 0o6755)
    os.chown("d/suid-chown", 1000, -1)
    first = oct(stat.S_IMODE(os.stat("d/suid-chown").st_mode))
    os.chmod("d/suid-chown", 0o6745)  # set-group-ID without group execute is a lock mark, not a privilege
    os.chown("d/suid-chown", -1, 1234)
    return first + " " + oct(stat.S_IMODE(os.stat("d/suid-chown").st_mode))


@check
def truncate_by_owner_clears_setuid():
    touch("d/suid-trunc")
    os.chown("d/suid-trunc", 1000, 1000)
    os.chmod("d/suid-trunc", 0o6777)
    r = as_user(1000, 1000, lambda: os.truncate("d/suid-trunc", 10))
    return r + " " + oct(stat.S_IMODE(os.stat("d/suid-trunc").st_mode))


@check
def truncate_by_other_without_write():
    touch("d/ro")
    os.chmod("d/ro", 0o644)
    return as_user(1000, 1000, lambda: os.truncate("d/ro", 0))


@check
def open_trunc_times():
    write("d/ro", b"abc")
    return watch(["d/ro"], lambda: write("d/ro", b"", os.O_WRONLY | os.O_TRUNC)) + ", size=" + str(
        os.stat("d/ro").st_size)


@check
def rename_over_own_hard_link():
    touch("d/one")
    os.link("d/one", "d/two")
    r = err(os.rename, "d/one", "d/two")
    return r + f" one={os.path.exists('d/one')} two={os.path.exists('d/two')} nlink={os.stat('d/two').st_nlink}"


@check
def rename_over_hard_linked_name():
    touch("d/three")
    r = err(os.rename, "d/three", "d/two")
    return r + f" one={os.stat('d/one').st_nlink}"


@check
def rename_by_other_without_dir_write():
    return as_user(1000, 1000, lambda: os.rename("d/two", "d/sg/two"))


@check
def lchown_symlink():
    r = err(os.lchown, "d/l", 1000, 1001)
    return r + ", " + describe("d/l")


@check
def mkdir_mode_and_umask():
    os.mkdir("d/m", 0o777)
    return describe("d/m")


@check
def unicode_and_odd_names():
    names = ["caf\u00e9 \u65e5\u672c", "tab\tin", "new\nline", "-dash", "sp ace ", "%41"]
    results = [err(touch, "d/" + n) for n in names]
    listed = sorted(n for n in os.listdir("d") if n in names)
    return " ".join(results) + " " + str(len(listed))


@check
def sparse_beyond_4gib():
    fd = os.open("d/huge", os.O_CREAT | os.O_RDWR, 0o644)
    os.pwrite(fd, b"z", 5 << 30)
    data = os.pread(fd, 8, (5 << 30) - 7)
    os.close(fd)
    return f"size={os.stat('d/huge').st_size} tail={data.hex()}"


@check
def create_through_dangling_symlink():
    return err(os.open, "d/l", os.O_CREAT | os.O_WRONLY, 0o644)


@check
def sticky_dir_owner_removes_others_file():
    os.mkdir("d/tmp2")
    os.chown("d/tmp2", 1000, 1000)
    os.chmod("d/tmp2", 0o1777)
    touch("d/tmp2/roots")
    return as_user(1000, 1000, lambda: os.unlink("d/tmp2/roots"))


@check
def utimes_now_by_writer_not_owner():
    touch("d/tw")
    os.chmod("d/tw", 0o666)
    return (as_user(1000, 1000, lambda: os.utime("d/tw", None)) + " "
            + as_user(1000, 1000, lambda: os.utime("d/tw", ns=(1, 1))))


@check
def utimes_now_by_reader_not_owner():
    touch("d/tr")
    os.chmod("d/tr", 0o644)
    return as_user(1000, 1000, lambda: os.utime("d/tr", None))


@check
def chmod_setgid_by_non_member():
    touch("d/sgfile")
    os.chown("d/sgfile", 1000, 1234)
    r = as_user(1000, 1000, lambda: os.chmod("d/sgfile", 0o2755))
    return r + " " + oct(stat.S_IMODE(os.stat("d/sgfile").st_mode))


@check
def lookup_in_dir_without_search():
    os.mkdir("d/nox", 0o755)
    touch("d/nox/in")
    os.chmod("d/nox", 0o644)
    r = as_user(1000, 1000, lambda: os.stat("d/nox/in"))
    os.chmod("d/nox", 0o755)
    return r


@check
def unlink_in_dir_without_write():
    return as_user(1000, 1000, lambda: os.unlink("d/nox/in"))


@check
def moved_dir_dotdot_is_new_parent():
    os.mkdir("d/from")
    os.mkdir("d/to")
    os.mkdir("d/from/child")
    os.rename("d/from/child", "d/to/child")
    return str(os.stat("d/to/child/..").st_ino == os.stat("d/to").st_ino) + " " + describe("d/from") + "; " + \
        describe("d/to")


@check
def symlink_long_target():
    target = "t" * 1000 + "/" + "u" * 1000
    r = err(os.symlink, target, "d/longlink")
    return r + " " + str(os.readlink("d/longlink") == target if r == "ok" else "")


@check
def names_too_long_everywhere():
    long = "L" * 256
    return " ".join([err(os.mkdir, "d/" + long), err(os.symlink, "x", "d/" + long),
                     err(os.link, "d/one", "d/" + long), err(os.rename, "d/one", "d/" + long)])


@check
def hard_link_across_dirs():
    r = err(os.link, "d/one", "d/to/one")
    return r + " " + str(os.stat("d/one").st_nlink)


@check
def read_updates_atime_relatime():
    write("d/at", b"data", os.O_WRONLY | os.O_CREAT)
    os.utime("d/at", ns=(1_000_000_000, 2_000_000_000))  # atime older than mtime: relatime updates it on read
    with open("d/at", "rb") as f:
        f.read()
    time.sleep(PAUSE)
    return str(os.stat("d/at").st_atime_ns > 1_000_000_000)


@check
def write_to_fifo_path_with_nonblock():
    return err(os.open, "d/p", os.O_WRONLY | os.O_NONBLOCK)


@check
def open_directory_for_write():
    return err(os.open, "d/to", os.O_WRONLY)


@check
def truncate_directory():
    return err(os.truncate, "d/to", 0)


@check
def exclusive_create_race():
    results = []
    for _ in range(2):
        results.append(err(os.open, "d/excl", os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    return " ".join(r if r != "ok" else "ok" for r in results)


@check
def listing_after_many_changes():
    os.mkdir("d/churn")
    for i in range(200):
        touch(f"d/churn/f{i}")
    for i in range(0, 200, 3):
        os.unlink(f"d/churn/f{i}")
    for i in range(1, 200, 3):
        os.rename(f"d/churn/f{i}", f"d/churn/g{i}")
    names = os.listdir("d/churn")
    return f"{len(names)} {len(set(names))} {sum(1 for n in names if n.startswith('g'))}"


def main():
    os.umask(0o022)
    for fn in CHECKS:
        sys.stdout.flush()
        try:
            result = fn()
        except Exception as e:  # a check that cannot run says so instead of ending the run
            result = "CRASH " + type(e).__name__ + ": " + str(e)
        print(f"{fn.__name__}: {result}", flush=True)


main()
