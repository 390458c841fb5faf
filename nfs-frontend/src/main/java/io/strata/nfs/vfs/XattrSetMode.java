package io.strata.nfs.vfs;

/** What setting an extended attribute may find: anything, no attribute of that name, or one. */
public enum XattrSetMode { EITHER, CREATE, REPLACE }
