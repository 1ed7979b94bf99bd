// What the dashboard shows of a CommCell's JobDetails: an allow-list of fields, each typed, so that the
// browser never receives the raw object (whatever else a CommCell version puts there).

export interface JobDetails {
  readonly generalInfo: {
    readonly jobStartedBy: string | null;
    readonly jobStartedFrom: string | null;
    readonly operationType: string | null;
    readonly backupType: string | null;
    readonly priority: number | null;
    readonly softwareCompression: string | null;
  };
  readonly progressInfo: {
    readonly state: string | null;
    readonly reasonForJobDelay: string | null;
  };
  readonly detailInfo: {
    readonly transferTimeSeconds: number | null;
    readonly throughputGBPerHour: number | null;
    readonly dataWrittenBytes: number | null;
    readonly compressedBytes: number | null;
    readonly uncompressedBytes: number | null;
    readonly numberOfObjects: number | null;
    readonly skippedItems: number | null;
  };
}
