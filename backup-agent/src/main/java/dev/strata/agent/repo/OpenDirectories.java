package dev.strata.agent.repo;

import dev.strata.agent.posix.DirectoryHandle;
import dev.strata.agent.posix.PosixException;
import dev.strata.format.repo.PathBytes;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens the directories of a tree below a root handle, one segment at a time and never through a
 * symbolic link, keeping the chain of the last one opened: a walk in tree order opens each
 * directory once. The handles belong to this object; not thread-safe.
 */
final class OpenDirectories implements AutoCloseable {
  private final DirectoryHandle root;
  private final List<String> paths = new ArrayList<>();
  private final List<DirectoryHandle> handles = new ArrayList<>();

  OpenDirectories(DirectoryHandle root) {
    this.root = root;
  }

  /** The directory at tree path {@code dir} ("" is the root). */
  DirectoryHandle open(String dir) throws PosixException {
    while (!paths.isEmpty()) {
      String last = paths.get(paths.size() - 1);
      if (dir.equals(last)) {
        return handles.get(handles.size() - 1);
      }
      if (dir.startsWith(last + "/")) {
        break;
      }
      paths.remove(paths.size() - 1);
      handles.remove(handles.size() - 1).close();
    }
    if (dir.isEmpty()) {
      return root;
    }
    DirectoryHandle at = handles.isEmpty() ? root : handles.get(handles.size() - 1);
    int start = paths.isEmpty() ? 0 : paths.get(paths.size() - 1).length() + 1;
    while (start < dir.length()) {
      int end = dir.indexOf('/', start);
      if (end < 0) {
        end = dir.length();
      }
      DirectoryHandle next = at.openDirectory(PathBytes.encode(dir.substring(start, end)));
      paths.add(dir.substring(0, end));
      handles.add(next);
      at = next;
      start = end + 1;
    }
    return at;
  }

  /** The directory that holds the entry at tree path {@code path}. */
  DirectoryHandle parentOf(String path) throws PosixException {
    int slash = path.lastIndexOf('/');
    return open(slash < 0 ? "" : path.substring(0, slash));
  }

  /** The last segment of a tree path, as bytes. */
  static byte[] name(String path) {
    return PathBytes.encode(path.substring(path.lastIndexOf('/') + 1));
  }

  @Override
  public void close() {
    for (DirectoryHandle h : handles) {
      try {
        h.close();
      } catch (PosixException e) {
        // a directory opened for reading only: nothing is lost if closing it fails
      }
    }
    handles.clear();
    paths.clear();
  }
}
