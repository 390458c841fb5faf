package io.strata.tiering.volume;

/** Capacity of the storage under a volume and what is free there, in bytes. */
public record VolumeUsage(long totalBytes, long freeBytes) {
}
