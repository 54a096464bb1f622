package dev.strata.tape.fault;

/** The commands of the tape SPI that a wrapper can act on, one per library or drive method. */
public enum TapeOperation {
  INVENTORY,
  RESCAN,
  MOVE,
  STATUS,
  LOAD,
  UNLOAD,
  REWIND,
  WRITE_BLOCK,
  WRITE_FILEMARKS,
  READ_BLOCK,
  SPACE_BLOCKS,
  SPACE_FILEMARKS,
  SPACE_TO_END_OF_DATA,
  LOCATE,
  POSITION
}
