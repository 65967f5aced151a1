/* test_source_names.c — chr__is_input_name(): which files met in a
 * directory walk are read as inputs. Notes, scripts, images and archives
 * are skipped; news files of any format, compressed or not, and files with
 * unknown or no extension are read. */
#include "t.h"

#include "read/reader.h"

T_TEST(source_names_skips_non_news)
{
    T_EQ_INT(chr__is_input_name("README.md"), 0);
    T_EQ_INT(chr__is_input_name("notes.markdown"), 0);
    T_EQ_INT(chr__is_input_name("make.sh"), 0);
    T_EQ_INT(chr__is_input_name("photo.JPG"), 0); /* case-insensitive */
    T_EQ_INT(chr__is_input_name("archive.tar"), 0);
}

T_TEST(source_names_keeps_news_and_unknown)
{
    T_EQ_INT(chr__is_input_name("a.txt"), 1);
    T_EQ_INT(chr__is_input_name("b.html"), 1);
    T_EQ_INT(chr__is_input_name("c.jsonl"), 1);
    T_EQ_INT(chr__is_input_name("d.warc.gz"), 1);
    T_EQ_INT(chr__is_input_name("e"), 1); /* no extension */
    T_EQ_INT(chr__is_input_name("f.dat"), 1);
    T_EQ_INT(chr__is_input_name("g.bin"), 1);
    T_EQ_INT(chr__is_input_name("h.json.gz"), 1);
}

T_TEST(source_names_looks_at_the_last_extension_only)
{
    /* Only the end of the name counts: a news file whose stem holds a
     * skipped extension is read, and the reverse is skipped. */
    T_EQ_INT(chr__is_input_name("notes.md.txt"), 1);
    T_EQ_INT(chr__is_input_name("story.txt.sh"), 0);
    T_EQ_INT(chr__is_input_name("cmd"), 1); /* ends in "md", not ".md" */
}
