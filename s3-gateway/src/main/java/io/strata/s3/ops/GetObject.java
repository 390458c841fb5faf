package io.strata.s3.ops;

import io.strata.meta.key.ObjectKey;
import io.strata.meta.model.Inode;
import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;
import io.strata.s3.http.S3Request;
import io.strata.s3.http.S3Response;
import io.strata.tiering.store.ByteRange;
import io.strata.tiering.store.ObjectStore;
import io.strata.tiering.store.OpenObject;
import java.util.List;

/** GetObject and HeadObject: conditions, one range or one part, and the body straight from its files. */
final class GetObject implements BufferedOperation.Handler {
    private final ObjectStore store;
    private final boolean sendBody;

    GetObject(ObjectStore store, boolean sendBody) {
        this.store = store;
        this.sendBody = sendBody;
    }

    @Override
    public S3Response handle(S3Request req) throws Exception {
        ObjectKey key = ObjectKey.parse(req.key());
        ByteRange[] wanted = new ByteRange[1];
        boolean[] partial = {false};
        OpenObject open = store.open(req.bucket(), key, inode -> {
            try {
                ReadConditions.checkRead(req, inode);
                ByteRange range = req.has("partNumber") ? partRange(inode, req.param("partNumber"))
                        : Ranges.parse(req.header("Range"), inode.size());
                partial[0] = range != null;
                wanted[0] = range != null || inode.size() == 0 ? range : new ByteRange(0, inode.size() - 1);
                return sendBody ? wanted[0] : null;
            } catch (S3Exception e) {
                throw new PlanFailure(e);
            }
        });
        Inode inode = open.inode();
        long length = wanted[0] == null ? 0 : wanted[0].length();
        S3Response r = S3Response.object(partial[0] ? 206 : 200, open, length, sendBody);
        ObjectHeaders.write(r, inode, req, open.bucket());
        r.header("x-amz-storage-class", store.storageClass(inode));
        if (partial[0]) {
            r.header("Content-Range", "bytes " + wanted[0].first() + "-" + wanted[0].last() + "/" + inode.size());
        }
        return r;
    }

    private static ByteRange partRange(Inode inode, String partNumber) throws S3Exception {
        int n;
        try {
            n = Integer.parseInt(partNumber);
        } catch (NumberFormatException e) {
            throw new S3Exception(S3ErrorCode.INVALID_ARGUMENT, "Part number must be an integer between 1 and 10000.");
        }
        List<Long> sizes = inode.object().partSizes();
        int parts = sizes.isEmpty() ? 1 : sizes.size();
        if (n < 1 || n > parts) {
            throw new S3Exception(S3ErrorCode.INVALID_RANGE, "The requested partnumber is not satisfiable");
        }
        if (sizes.isEmpty()) {
            return inode.size() == 0 ? null : new ByteRange(0, inode.size() - 1);
        }
        long start = 0;
        for (int i = 0; i < n - 1; i++) {
            start += sizes.get(i);
        }
        return new ByteRange(start, start + sizes.get(n - 1) - 1);
    }

    /** Carries an S3 error out of the planning callback. */
    static final class PlanFailure extends RuntimeException {
        final S3Exception error;

        PlanFailure(S3Exception error) {
            super(error.getMessage(), error, false, false);
            this.error = error;
        }
    }
}
