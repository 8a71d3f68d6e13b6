from newsfuse.launch import main

main()
