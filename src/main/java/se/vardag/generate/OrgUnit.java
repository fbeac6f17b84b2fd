package se.vardag.generate;

import static java.util.Objects.requireNonNull;

/**
 * One org unit of the generated organisation.
 *
 * @param site 0 for the head office (paths without prefix), 1.. for the regions
 * @param localPath the path within the site, e.g. {@code IT/Service Desk Nord}
 * @param path the org_unit value, e.g. {@code Region Göteborg/IT/Service Desk Nord}
 * @param size people currently in the unit's structure (former employees not counted)
 */
record OrgUnit(int site, String localPath, String path, UnitKind kind, int size) {
  OrgUnit {
    requireNonNull(localPath, "localPath is null");
    requireNonNull(path, "path is null");
    requireNonNull(kind, "kind is null");
  }

  /** The local path of the parent unit, or "" at the top of the site. */
  String parentLocalPath() {
    int slash = localPath.lastIndexOf('/');
    return slash < 0 ? "" : localPath.substring(0, slash);
  }
}
