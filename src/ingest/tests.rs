use super::*;
use crate::analysis::Merged;

/// Reading a folder leaves rayon's global pool free: the window filters
/// and indexes there while the rest of the folder is still being read.
/// Checked from the first hand-over: a parallel job on the global pool
/// must finish long before the last file is read (it used to wait for
/// the whole read, and the window froze until the end).
#[test]
fn the_global_pool_stays_free_while_a_folder_is_read() {
    let dir = std::env::temp_dir().join(format!("dateline-pool-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::create_dir_all(&dir);
    let files = 600;
    for n in 0..files {
        let text = format!(
            "MOSCOW, May {} (Reuters) - The Iranian foreign minister met his Russian counterpart on Tuesday and both sides signed an agreement on trade.\n",
            1 + n % 28
        );
        let _ = std::fs::write(dir.join(format!("{n:04}.txt")), text.repeat(8));
    }
    let progress = Progress::default();
    let done_when_free = std::sync::Mutex::new(None);
    let partial = |_: Vec<HandedFile>| {
        let Ok(mut seen) = done_when_free.lock() else {
            return;
        };
        if seen.is_none() {
            let sum: u64 = (0..10_000_u64).into_par_iter().sum();
            assert_eq!(sum, 49_995_000);
            *seen = Some(progress.done.load(Ordering::Relaxed));
        }
    };
    let hooks = ReadHooks {
        partial: Some(&partial),
        ..ReadHooks::default()
    };
    let read = read_folder(&dir, &Options::default(), &progress, &hooks);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(read.is_ok());
    let done = done_when_free.into_inner().ok().flatten();
    assert!(
        done.is_some_and(|done| done < files / 2),
        "files read when the global pool answered: {done:?} of {files}"
    );
}

/// Every member of a merge group shares one sorted list of ids and
/// knows its own place in it (the first, when two share an id).
#[test]
fn merge_group_members_know_their_place() {
    let mut analysis = analyze_folder(
        &crate::sample_folder(),
        &Options::default(),
        &Progress::default(),
    )
    .unwrap_or_default();
    assert!(analysis.events.len() >= 6, "the sample folder is missing");
    let shared_id = analysis.events[0].id.clone();
    analysis.events[2].id = shared_id;
    let groups = vec![vec![5, 1, 3], vec![0, 4, 2]];
    analysis.set_merges(&groups);
    for group in &groups {
        let mut ids: Vec<String> = group
            .iter()
            .map(|&i| analysis.events[i].id.clone())
            .collect();
        ids.sort();
        for &i in group {
            let event = &analysis.events[i];
            assert_eq!(
                event.merged_with,
                Merged::new(ids.clone().into(), &event.id)
            );
            assert_eq!(event.merged_with.len(), 2);
        }
    }
    let merged: Vec<String> = analysis.events[3].merged_with.iter().cloned().collect();
    let mut others = vec![analysis.events[5].id.clone(), analysis.events[1].id.clone()];
    others.sort();
    assert_eq!(merged, others);
    assert!(
        analysis.events[6..]
            .iter()
            .all(|e| e.merged_with.is_empty())
    );
}
