/* cmd_tag.h — `chronicle tag --conll FILE` (cmd_tag.c). */
#ifndef CHR_CMD_TAG_H
#define CHR_CMD_TAG_H

int cli_tag(int argc, char **argv);

#endif
