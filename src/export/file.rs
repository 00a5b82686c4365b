//! Writing a file so that a failure never costs the old one: the export's `-o`, and any file
//! liseuse writes later (an index, a Markdown article), go through here.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::Path;

/// Writes `path` with `write` so that a failure leaves the old file as it was: the output goes
/// to a temporary file beside it (`.NAME.tmp-PID`), is flushed and synced, then renamed over
/// the target; on any error the temporary is removed. A target that exists and is not a
/// regular file (`/dev/stdout`, a FIFO, `/dev/full`) is written in place, never replaced; a
/// folder is refused. A symbolic link is followed, so the file it names is replaced, not it.
pub fn replace_file(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let existing = fs::metadata(path).ok();
    if let Some(meta) = &existing {
        if meta.is_dir() {
            return Err(io::Error::new(io::ErrorKind::IsADirectory, "is a folder"));
        }
        if !meta.is_file() {
            let mut out = BufWriter::new(File::options().write(true).open(path)?);
            return write(&mut out);
        }
    }
    let target = match existing {
        Some(_) => fs::canonicalize(path)?,
        None => path.to_path_buf(),
    };
    let name = target
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))?;
    let mut temp_name = std::ffi::OsString::from(".");
    temp_name.push(name);
    temp_name.push(format!(".tmp-{}", std::process::id()));
    let temp = target.with_file_name(temp_name);
    let file = File::options().write(true).create_new(true).open(&temp)?;
    let result = (|| {
        let mut out = BufWriter::new(file);
        write(&mut out)?;
        let file = out.into_inner().map_err(io::IntoInnerError::into_error)?;
        if let Some(meta) = &existing {
            file.set_permissions(meta.permissions())?;
        }
        file.sync_all()?;
        fs::rename(&temp, &target)
    })();
    match result {
        Ok(()) => {
            // The rename is durable once the folder is synced; a failure here loses nothing.
            if let Some(folder) = target.parent().and_then(|p| File::open(p).ok()) {
                let _ = folder.sync_all();
            }
            Ok(())
        }
        Err(e) => {
            let _ = fs::remove_file(&temp);
            Err(e)
        }
    }
}
